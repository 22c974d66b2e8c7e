"""Settings for a run, from the command line and the configuration files (shared by
``iacfix check``/``fix`` and ``iacfix pr``)."""

from __future__ import annotations

from pathlib import Path
from typing import List

import iacfix.codemods as codemods
from iacfix.config import Config, ConfigError, load_config
from iacfix.engine import Settings


class UsageError(Exception):
    """A bad option or configuration: the command line says what is wrong (exit 2)."""


def split(values) -> List[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    out: List[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def build_settings(paths, select, ignore, config, unsafe_fixes, fix, root=None) -> tuple[Settings, Config]:
    """``root``: a configuration file is looked for up to this directory and only inside it."""
    try:
        cfg = load_config([Path(p) for p in paths], Path(config) if config else None, root=root)
    except ConfigError as e:
        raise UsageError(str(e)) from None
    sel = split(select) or cfg.select
    ign = split(ignore) + cfg.ignore
    try:
        chosen = codemods.select(sel, ign)
    except KeyError as e:
        valid = ", ".join(f"{c.id}/{c.slug}" for c in codemods.CATALOG)
        raise UsageError(f"unknown codemod {e.args[0]!r}; valid: {valid}") from None
    settings = Settings(
        codemods=chosen,
        params=cfg.params,
        fix=fix,
        unsafe_fixes=bool(unsafe_fixes or cfg.unsafe_fixes),
        max_bytes=cfg.max_file_size,
    )
    return settings, cfg
