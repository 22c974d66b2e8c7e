"""Configuration: ``[tool.iacfix]`` in pyproject.toml or a ``.iacfix.toml``; each file
is governed by the nearest one upward from it (``Configs``), as ruff does in a monorepo;
``--config FILE`` overrides for every file. Unknown keys are errors that list the valid
ones.

    [tool.iacfix]
    extend = "../iacfix-org.toml"       # an organisation default: these keys override it
    select = ["IAC001", "dead-letter-queue"]
    ignore = []
    unsafe-fixes = false
    exclude = ["generated/"]            # .gitignore-style, relative to this file's directory
    respect-gitignore = true
    force-exclude = true                # exclude also files named on the command line
    max-file-size = 2097152

    [tool.iacfix.per-file-ignores]
    "legacy/**/*.tf" = ["required-tags"]

    [tool.iacfix.api-throttling]
    rate-limit = 50
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import iacfix.codemods as codemods
from iacfix.codemods.spec import _show
from iacfix.sources import DEFAULT_MAX_BYTES, within


class ConfigError(Exception):
    pass


TOP_KEYS = {"select", "ignore", "unsafe-fixes", "exclude", "max-file-size", "extend", "per-file-ignores",
            "respect-gitignore", "force-exclude"}
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
    per_file_ignores: List[Tuple[str, List[str]]] = field(default_factory=list)  # (pattern, codemod names)
    respect_gitignore: bool = True
    force_exclude: Optional[bool] = None  # None: as the command line says (default on)
    extends: List[Path] = field(default_factory=list)  # the files it extends, nearest first
    given: Set[str] = field(default_factory=set)  # the top keys the file itself sets

    @property
    def root(self) -> Optional[Path]:
        """The directory its patterns (exclude, per-file-ignores) are relative to: the
        configuration file's own (None: no file, the current directory)."""
        return self.source.parent if self.source is not None else None


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


def _config_in(cur: Path, root: Optional[str] = None) -> Optional[Path]:
    """The configuration file of directory ``cur`` itself, or None."""
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
            return None
        if _tool_table(data, f) is not None:
            return f
    return None


def find_config(start: Path, root: Optional[str] = None) -> Optional[Path]:
    """The nearest .iacfix.toml, or pyproject.toml with [tool.iacfix], from ``start`` upward
    (with ``root``: no higher than ``root``, and a file whose link leads out of it is an error)."""
    start = Path(os.path.abspath(start))  # not resolve(): a symlink loop must not stop the run
    d = start if start.is_dir() else start.parent
    for cur in [d, *d.parents]:
        if root is not None and not within(os.path.realpath(cur), os.path.realpath(root)):
            break
        found = _config_in(cur, root)
        if found is not None:
            return found
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
        problem = cm.check_params(vals) if cm.check_params is not None else None
        if problem:
            raise ConfigError(f"{where}: {cm.slug}: {problem}")
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
        if kk in TOP_KEYS:
            cfg.given.add(kk)
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
        elif kk == "extend":
            if not isinstance(v, str) or not v.strip():
                raise ConfigError(f"{where}: extend: got {_show(v)}; expected the path of another configuration file")
        elif kk in ("respect-gitignore", "force-exclude"):
            if not isinstance(v, bool):
                raise ConfigError(f"{where}: {kk}: got {_show(v)}; expected true or false")
            setattr(cfg, kk.replace("-", "_"), v)
        elif kk == "per-file-ignores":
            if not isinstance(v, dict):
                raise ConfigError(f'{where}: per-file-ignores: got {_show(v)}; expected a table of '
                                  f'pattern = [codemods], e.g. "legacy/*.tf" = ["required-tags"]')
            for pat, names in v.items():
                names = _names(where, f"per-file-ignores.{pat}", names, "codemod ids, slugs or Checkov ids")
                for name in names:
                    if name.upper() != "ALL" and codemods.lookup(name) is None:
                        raise ConfigError(f"{where}: per-file-ignores.{pat}: unknown codemod {name!r}; "
                                          f"see `iacfix rules`")
                cfg.per_file_ignores.append((pat, list(names)))
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


def _data(path: Path) -> dict:
    data = load_toml(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path) or {}
    return data


def load_file(path: Path, _chain: Tuple[Path, ...] = ()) -> Config:
    """One configuration file, with the file it ``extend``s (and that one's, in turn)
    underneath: a key the file sets replaces the extended file's; codemod parameter
    tables are merged parameter by parameter, per-file-ignores pattern by pattern."""
    data = _data(path)
    cfg = parse_config(data, path)
    ext = next((v for k, v in data.items() if _key(k) == "extend"), None)
    if ext is None:
        return cfg
    target = Path(os.path.expanduser(ext))
    if not target.is_absolute():
        target = path.parent / target
    here = Path(os.path.abspath(path))
    seen = [Path(os.path.abspath(p)) for p in _chain] + [here]
    if Path(os.path.abspath(target)) in seen:
        loop = " -> ".join(str(p) for p in [*_chain, path, target])
        raise ConfigError(f"{path}: extend: a loop ({loop})")
    if not os.path.lexists(target):
        raise ConfigError(f"{path}: extend: {target}: no such file")
    base = load_file(target, (*_chain, path))
    return _merge(base, cfg, target)


def _merge(base: Config, over: Config, base_path: Path) -> Config:
    out = Config(source=over.source)
    for f in ("select", "ignore", "unsafe_fixes", "exclude", "max_file_size", "respect_gitignore", "force_exclude"):
        setattr(out, f, getattr(over if f.replace("_", "-") in over.given else base, f))
    out.params = {slug: dict(vals) for slug, vals in base.params.items()}
    for slug, vals in over.params.items():
        out.params.setdefault(slug, {}).update(vals)
    pats = dict(base.per_file_ignores)
    pats.update(dict(over.per_file_ignores))
    out.per_file_ignores = list(pats.items())
    out.given = base.given | over.given
    out.extends = [base_path, *base.extends]
    return out


def load_config(paths: List[Path], explicit: Optional[Path] = None, root: Optional[str] = None) -> Config:
    """The configuration of the first path (or ``explicit``'s): what ``iacfix pr`` runs with."""
    if explicit is not None:
        return load_file(explicit)
    start = paths[0] if paths else Path.cwd()
    found = find_config(Path(start), root)
    if found is None:
        return Config()
    return load_file(found)


class Configs:
    """The configuration governing each file: the nearest configuration file upward from
    it (``explicit``: that one for every file). Each file is read once."""

    def __init__(self, explicit: Optional[Path] = None, root: Optional[str] = None):
        self.explicit = load_file(explicit) if explicit is not None else None
        self.root = root
        self._dirs: Dict[str, Config] = {}
        self._files: Dict[str, Config] = {}
        self._none = Config()

    def for_dir(self, directory) -> Config:
        if self.explicit is not None:
            return self.explicit
        d = os.path.abspath(directory)
        if d in self._dirs:
            return self._dirs[d]
        if self.root is not None and not within(os.path.realpath(d), os.path.realpath(self.root)):
            cfg = self._none
        else:
            found = _config_in(Path(d), self.root)
            if found is not None:
                key = os.path.abspath(found)
                if key not in self._files:
                    self._files[key] = load_file(found)
                cfg = self._files[key]
            else:
                parent = os.path.dirname(d)
                cfg = self._none if parent == d else self.for_dir(parent)
        self._dirs[d] = cfg
        return cfg

    def for_path(self, path) -> Config:
        """The configuration of a file (or of a directory as something walked into: its parent's)."""
        return self.for_dir(os.path.dirname(os.path.abspath(path)))
