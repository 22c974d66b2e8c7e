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
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import iacfix.codemods as codemods
from iacfix.codemods.spec import _show
from iacfix.sources import DEFAULT_MAX_BYTES, within


class ConfigError(Exception):
    pass


TOP_KEYS = {"select", "ignore", "unsafe-fixes", "exclude", "max-file-size"}
MAX_FILE_SIZE_LIMIT = 256 * 1024 * 1024  # a file is read whole and parsed in memory


@dataclass
class Config:
    source: Optional[Path] = None
    select: Optional[List[str]] = None
    ignore: List[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    exclude: List[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_BYTES
    params: Dict[str, Dict[str, Any]] = field(default_factory=dict)


_KINDS = {stat.S_IFDIR: "a directory", stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}


def load_toml(path: Path) -> dict:
    """The TOML file's data; one line (ConfigError) for a file that is not a readable,
    UTF-8, valid TOML regular file. A FIFO is not waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise ConfigError(f"{path}: a directory, not a configuration file") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {(e.strerror or str(e)).lower()}") from None
    kind = stat.S_IFMT(os.fstat(fd).st_mode)
    if kind != stat.S_IFREG:
        os.close(fd)
        raise ConfigError(f"{path}: {_KINDS.get(kind, 'not a regular file')}, not a configuration file")
    with os.fdopen(fd, "rb") as fh:
        try:
            raw = fh.read(MAX_FILE_SIZE_LIMIT + 1)
        except OSError as e:
            raise ConfigError(f"{path}: cannot read: {(e.strerror or str(e)).lower()}") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and b"\x00" in raw[:2]):
        raise ConfigError(f"{path}: the file is UTF-16 encoded; a configuration file must be UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                          f"a configuration file must be UTF-8") from None
    try:
        return tomllib.loads(text[1:] if text.startswith("\ufeff") else text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except (ValueError, RecursionError) as e:  # e.g. an integer too long for Python to read
        raise ConfigError(f"{path}: invalid TOML: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None


def _tool_table(data: dict, path: Path) -> Optional[dict]:
    """``[tool.iacfix]`` of a pyproject.toml: None when absent; an error when not a table."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: got {_show(tool)}; expected a table")
    table = tool.get("iacfix")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.iacfix: got {_show(table)}; expected a table")
    return table


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
                # One that does not parse but names iacfix is a broken configuration: an
                # error, never skipped (its select would be lost). Others are not iacfix's.
                if _mentions_iacfix(f):
                    raise
                continue
            if _tool_table(data, f) is not None:
                return f
    return None


def _mentions_iacfix(path: Path) -> bool:
    try:
        with open(path, "rb", opener=lambda p, flags: os.open(p, flags | getattr(os, "O_NONBLOCK", 0))) as fh:
            raw = fh.read(MAX_FILE_SIZE_LIMIT)
    except OSError:
        return True
    return b"iacfix" in raw.lower() or b"i\x00a\x00c\x00f\x00i\x00x" in raw.lower()


def _key(k: str) -> str:
    return k.replace("_", "-")


def normalise_params(raw: Dict[str, Any], where: str = "config") -> Dict[str, Dict[str, Any]]:
    """Validate per-codemod tables against each parameter's spec; returns slug → {param: value}."""
    out: Dict[str, Dict[str, Any]] = {}
    for name, table in raw.items():
        cm = codemods.lookup(name)
        if cm is None:
            valid = ", ".join(c.slug for c in codemods.CATALOG)
            raise ConfigError(f"{where}: {name}: unknown codemod table; valid: {valid}")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: {name}: got {_show(table)}; expected a table of its parameters")
        if cm.slug in out:
            raise ConfigError(f"{where}: {name}: a second table for {cm.slug}; write its parameters in one")
        vals: Dict[str, Any] = {}
        for k, v in table.items():
            p = cm.param(k.replace("-", "_"))
            if p is None:
                valid = ", ".join(_key(p.name) for p in cm.params) or "(none)"
                raise ConfigError(f"{where}: {cm.slug}.{k}: unknown parameter; valid: {valid}")
            problem = p.problem(v)
            if problem:
                raise ConfigError(f"{where}: {cm.slug}.{_key(p.name)}: {problem}")
            vals[p.name] = v
        out[cm.slug] = vals
    return out


def _names(where: str, key: str, v: Any, what: str) -> List[str]:
    if not isinstance(v, list):
        raise ConfigError(f"{where}: {key}: got {_show(v)}; expected a list of {what}")
    for x in v:
        if not isinstance(x, str):
            raise ConfigError(f"{where}: {key}: got a list with {_show(x)}; expected a list of {what}")
    return v


def parse_config(data: Dict[str, Any], source: Optional[Path]) -> Config:
    where = str(source) if source else "config"
    cfg = Config(source=source)
    params_raw = {}
    slugs = {c.slug for c in codemods.CATALOG} | {c.id.lower() for c in codemods.CATALOG}
    for k, v in data.items():
        if k.lower() in slugs or (k.upper().startswith("CKV") and codemods.lookup(k) is not None):
            params_raw[k] = v
            continue
        kk = _key(k)
        if kk not in TOP_KEYS:
            valid = ", ".join(sorted(TOP_KEYS)) + ", or a codemod table: " + ", ".join(c.slug for c in codemods.CATALOG)
            raise ConfigError(f"{where}: {k}: unknown key; valid: {valid}")
        if kk == "select":
            cfg.select = _names(where, kk, v, "codemod ids, slugs or Checkov ids")
            if not cfg.select:
                raise ConfigError(f'{where}: select: an empty list selects no codemod; leave select out '
                                  f'(or write select = ["ALL"]) to run every codemod, or name the ones to run')
        elif kk == "ignore":
            cfg.ignore = _names(where, kk, v, "codemod ids, slugs or Checkov ids")
        elif kk == "exclude":
            cfg.exclude = _names(where, kk, v, "glob patterns")
        elif kk == "unsafe-fixes":
            if not isinstance(v, bool):
                raise ConfigError(f"{where}: unsafe-fixes: got {_show(v)}; expected true or false")
            cfg.unsafe_fixes = v
        elif kk == "max-file-size":
            if not isinstance(v, int) or isinstance(v, bool) or not 0 < v <= MAX_FILE_SIZE_LIMIT:
                raise ConfigError(f"{where}: max-file-size: got {_show(v)}; expected a whole number of bytes "
                                  f"from 1 to {MAX_FILE_SIZE_LIMIT}")
            cfg.max_file_size = v
    cfg.params = normalise_params(params_raw, where)
    for key, names in (("select", cfg.select or []), ("ignore", cfg.ignore)):
        for name in names:
            if name.upper() != "ALL" and codemods.lookup(name) is None:
                raise ConfigError(f"{where}: {key}: unknown codemod {name!r}; see `iacfix rules`")
    return cfg


def load_config(paths: List[Path], explicit: Optional[Path] = None, root: Optional[str] = None) -> Config:
    if explicit is not None:
        data = load_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = _tool_table(data, explicit) or {}
        return parse_config(data, explicit)
    start = paths[0] if paths else Path.cwd()
    found = find_config(Path(start), root)
    if found is None:
        return Config()
    data = load_toml(found)
    if found.name == "pyproject.toml":
        data = _tool_table(data, found) or {}
    return parse_config(data, found)
