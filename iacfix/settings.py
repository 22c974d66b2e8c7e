"""Settings for a run, from the command line and the configuration files (shared by
``iacfix check``/``fix`` and ``iacfix pr``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

import iacfix.codemods as codemods
from iacfix.config import Config, ConfigError, Configs, load_config
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


class Run:
    """The settings of each file of a run: the command line's options over the
    configuration that governs the file (the nearest one upward, or ``--config``), and
    which paths that configuration excludes (its ``exclude`` patterns and, unless
    ``respect-gitignore = false``, the repository's ``.gitignore`` files)."""

    def __init__(self, select, ignore, config, unsafe_fixes, fix, force_exclude=None, root=None):
        from iacfix.pathmatch import GitIgnore

        try:
            self.configs = Configs(Path(config) if config else None, root=root)
        except ConfigError as e:
            raise UsageError(str(e)) from None
        self.select, self.ignore = split(select), split(ignore)
        self.unsafe_fixes, self.fix, self.force_exclude = unsafe_fixes, fix, force_exclude
        self.gitignore = GitIgnore()
        self._settings: dict = {}
        try:
            codemods.select(self.select, self.ignore)
        except KeyError as e:
            raise UsageError(_unknown(e)) from None

    def config(self, path) -> Config:
        try:
            return self.configs.for_path(path)
        except ConfigError as e:
            raise UsageError(str(e)) from None

    def settings(self, path) -> Settings:
        cfg = self.config(path)
        if id(cfg) not in self._settings:
            try:
                chosen = codemods.select(self.select or cfg.select, self.ignore + cfg.ignore)
            except KeyError as e:
                raise UsageError(_unknown(e)) from None
            base = str(cfg.root) if cfg.root is not None else os.getcwd()
            pfi = tuple((base, pat, frozenset(cm.id for cm in codemods.select(names)))
                        for pat, names in cfg.per_file_ignores)
            self._settings[id(cfg)] = (cfg, Settings(
                codemods=chosen, params=cfg.params, fix=self.fix,
                unsafe_fixes=bool(self.unsafe_fixes or cfg.unsafe_fixes), max_bytes=cfg.max_file_size,
                per_file_ignores=pfi))
        return self._settings[id(cfg)][1]

    def excluded(self, path, is_dir: bool = False, named: bool = False) -> bool:
        from iacfix.pathmatch import matches

        cfg = self.config(path)
        if named:
            force = self.force_exclude if self.force_exclude is not None else cfg.force_exclude
            if force is False:
                return False
        base = str(cfg.root) if cfg.root is not None else os.getcwd()
        if matches(cfg.exclude, str(path), base, is_dir):
            return True
        return cfg.respect_gitignore and self.gitignore.ignored(str(path), is_dir)


def _unknown(e: KeyError) -> str:
    valid = ", ".join(f"{c.id}/{c.slug}" for c in codemods.CATALOG)
    return f"unknown codemod {e.args[0]!r}; valid: {valid}"
