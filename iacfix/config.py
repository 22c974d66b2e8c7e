"""Configuration: ``[tool.iacfix]`` in pyproject.toml or a ``.iacfix.toml``, found
upward from the first path; ``--config FILE`` overrides. Unknown keys are errors
that list the valid ones.

    [tool.iacfix]
    select = ["IAC001", "dead-letter-queue"]
    ignore = []
    unsafe-fixes = false
    exclude = ["generated/*"]
    max-file-size = 2097152

    [tool.iacfix.api-throttling]
    rate-limit = 50
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import iacfix.codemods as codemods
from iacfix.sources import DEFAULT_MAX_BYTES, within


class ConfigError(Exception):
    pass


TOP_KEYS = {"select", "ignore", "unsafe-fixes", "exclude", "max-file-size"}


@dataclass
class Config:
    source: Optional[Path] = None
    select: Optional[List[str]] = None
    ignore: List[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    exclude: List[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_BYTES
    params: Dict[str, Dict[str, Any]] = field(default_factory=dict)


def load_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None


def find_config(start: Path, root: Optional[str] = None) -> Optional[Path]:
    """The nearest .iacfix.toml, or pyproject.toml with [tool.iacfix], from ``start`` upward
    (with ``root``: no higher than ``root``, and a file whose link leads out of it is an error)."""
    start = Path(os.path.abspath(start))  # not resolve(): a symlink loop must not stop the run
    d = start if start.is_dir() else start.parent
    for cur in [d, *d.parents]:
        if root is not None and not within(os.path.realpath(cur), os.path.realpath(root)):
            break
        for name in (".iacfix.toml", "pyproject.toml"):
            f = cur / name
            if root is not None and os.path.lexists(f) and not within(os.path.realpath(f), os.path.realpath(root)):
                raise ConfigError(f"{f}: a symbolic link that leads outside the repository; not read")
        f = cur / ".iacfix.toml"
        if f.is_file():
            return f
        f = cur / "pyproject.toml"
        if f.is_file():
            try:
                data = load_toml(f)
            except ConfigError:
                continue
            if "iacfix" in data.get("tool", {}):
                return f
    return None


def _key(k: str) -> str:
    return k.replace("_", "-")


def normalise_params(raw: Dict[str, Any], where: str = "config") -> Dict[str, Dict[str, Any]]:
    """Validate per-codemod tables; returns slug → {param: value}."""
    out: Dict[str, Dict[str, Any]] = {}
    for name, table in raw.items():
        cm = codemods.lookup(name)
        if cm is None:
            valid = ", ".join(c.slug for c in codemods.CATALOG)
            raise ConfigError(f"{where}: unknown codemod table [{name}]; valid: {valid}")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        vals: Dict[str, Any] = {}
        for k, v in table.items():
            p = cm.param(k.replace("-", "_"))
            if p is None:
                valid = ", ".join(_key(p.name) for p in cm.params) or "(none)"
                raise ConfigError(f"{where}: unknown parameter {k!r} for {cm.slug}; valid: {valid}")
            if p.default is not None and type(p.default) is not type(v) and not (
                isinstance(p.default, (int, float)) and isinstance(v, (int, float)) and not isinstance(v, bool)
            ):
                raise ConfigError(
                    f"{where}: {cm.slug}.{_key(p.name)} must be {type(p.default).__name__}, got {type(v).__name__}"
                )
            if p.choices and v not in p.choices:
                valid = ", ".join(repr(c) for c in p.choices)
                raise ConfigError(f"{where}: {cm.slug}.{_key(p.name)} must be one of {valid}, got {v!r}")
            vals[p.name] = v
        out[cm.slug] = vals
    return out


def parse_config(data: Dict[str, Any], source: Optional[Path]) -> Config:
    where = str(source) if source else "config"
    cfg = Config(source=source)
    params_raw = {}
    slugs = {c.slug for c in codemods.CATALOG} | {c.id.lower() for c in codemods.CATALOG}
    for k, v in data.items():
        if k.lower() in slugs:
            params_raw[k] = v
            continue
        kk = _key(k)
        if kk not in TOP_KEYS:
            valid = ", ".join(sorted(TOP_KEYS)) + ", or a codemod table: " + ", ".join(c.slug for c in codemods.CATALOG)
            raise ConfigError(f"{where}: unknown key {k!r}; valid: {valid}")
        if kk in ("select", "ignore", "exclude"):
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise ConfigError(f"{where}: {kk} must be a list of strings")
            if kk == "select":
                cfg.select = v
            elif kk == "ignore":
                cfg.ignore = v
            else:
                cfg.exclude = v
        elif kk == "unsafe-fixes":
            if not isinstance(v, bool):
                raise ConfigError(f"{where}: unsafe-fixes must be true or false")
            cfg.unsafe_fixes = v
        elif kk == "max-file-size":
            if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
                raise ConfigError(f"{where}: max-file-size must be a positive integer (bytes)")
            cfg.max_file_size = v
    cfg.params = normalise_params(params_raw, where)
    for name in (cfg.select or []) + cfg.ignore:
        if name.upper() != "ALL" and codemods.lookup(name) is None:
            raise ConfigError(f"{where}: unknown codemod {name!r} in select/ignore")
    return cfg


def load_config(paths: List[Path], explicit: Optional[Path] = None, root: Optional[str] = None) -> Config:
    if explicit is not None:
        data = load_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("iacfix", {})
        return parse_config(data, explicit)
    start = paths[0] if paths else Path.cwd()
    found = find_config(Path(start), root)
    if found is None:
        return Config()
    data = load_toml(found)
    if found.name == "pyproject.toml":
        data = data.get("tool", {}).get("iacfix", {})
    return parse_config(data, found)
