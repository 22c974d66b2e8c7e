"""Results by content: a module whose files, settings and iacfix are those of an earlier
run gets that run's results back without being parsed.

The key of a module is a hash of everything its results depend on:
- iacfix itself: its version, and the size and modification time of each of its source
  files (an edited checkout is a new iacfix), the Python version and the parsers' versions;
- the settings: the codemods selected, their parameters, fix or check, unsafe fixes, the
  size limit, per-file ignores, and the working directory (paths are shown relative to it);
- every file of the module (the context files too): the path shown, the path read, whether
  it is reported and writable, and its bytes; and the packaging files its app is read with.

An entry holds what ``process_files`` returned, as a pool worker returns it (fixes as
edits and new texts, no closures). The cache lives in the user's cache directory
(``$IACFIX_CACHE_DIR``, else ``$XDG_CACHE_HOME/iacfix``, else ``~/.cache/iacfix``), never
in the repository being checked: entries are pickles, and a pickle planted in a checkout
would run code when loaded. A directory that another user owns, or that others may write,
is not used. ``iacfix clean`` removes it; ``--no-cache`` (or ``IACFIX_NO_CACHE=1``) turns
it off for a run.

Nothing that went wrong is kept: a module with an internal error or a crashed worker is
run again next time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

FORMAT = 1  # bump when an entry's shape changes
DEPENDENCIES = ("libcst", "ruamel.yaml", "python-hcl2", "tree-sitter", "tree-sitter-go", "click", "pathspec")
MAX_ENTRY = 64 * 1024 * 1024  # an entry larger than this (a module of huge files) is not kept

File = Tuple[Path, str, bool, bool]  # (path, display, member, writable), as iacfix.modules gives them


def default_dir() -> Optional[Path]:
    """Where the cache lives, or None when it is turned off (``IACFIX_NO_CACHE``)."""
    if os.environ.get("IACFIX_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("IACFIX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "iacfix"


@functools.lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """What identifies this iacfix: version, Python, parsers, and its own source files."""
    from importlib import metadata

    import iacfix
    import iacfix.codemods
    import iacfix.transforms
    from iacfix import __version__

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version}|".encode())
    for dist in DEPENDENCIES:
        try:
            h.update(f"{dist}={metadata.version(dist)}|".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=none|".encode())
    roots = [Path(iacfix.__file__).parent, *map(Path, iacfix.codemods.__path__), *map(Path, iacfix.transforms.__path__)]
    for root in roots:
        for dirpath, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".json", ".toml", ".yaml")):
                    p = os.path.join(dirpath, name)
                    try:
                        st = os.stat(p)
                    except OSError:
                        continue
                    h.update(f"{os.path.relpath(p, root)}|{st.st_size}|{st.st_mtime_ns}|".encode())
    return h.hexdigest()


def _settings_text(settings) -> str:
    return repr((
        [cm.id for cm in settings.codemods],
        sorted((slug, sorted(map(repr, params.items()))) for slug, params in settings.params.items()),
        settings.fix, settings.unsafe_fixes, settings.max_bytes, settings.per_file_ignores,
        os.getcwd(),
    ))


def module_key(files: Sequence[File], settings) -> Optional[str]:
    """The key of one module's results, or None when a file cannot be read as a regular
    file (the run itself then says what is wrong with it)."""
    from iacfix.modules import go_package_of, package_of

    h = hashlib.sha256()
    h.update(code_fingerprint().encode())
    h.update(_settings_text(settings).encode())
    for path, display, member, writable in files:
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode) or st.st_size > settings.max_bytes:
                return None
            with open(path, "rb") as fh:
                data = fh.read(settings.max_bytes + 1)
        except OSError:
            return None
        h.update(f"\0{display}\0{os.fspath(path)}\0{member}\0{writable}\0{len(data)}\0".encode())
        h.update(data)
    paths = [Path(f[0]) for f in files]
    py = [p for p in paths if p.suffix == ".py"]
    go = [p for p in paths if p.suffix == ".go"]
    for name, text in sorted({**(package_of(py) if py else {}), **(go_package_of(go) if go else {})}.items()):
        h.update(f"\0package\0{name}\0".encode())
        h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _usable(directory: Path) -> bool:
    """The cache directory exists (made when missing, for this user only), is a directory
    of this user's, and no one else may write to it."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(directory)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class Cache:
    """The results of modules by key, in ``directory``."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.usable = _usable(self.directory)
        self.hits = 0

    def _entry(self, key: str) -> Path:
        return self.directory / f"v{FORMAT}" / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        if not self.usable:
            return None
        try:
            with open(self._entry(key), "rb") as fh:
                value = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or foreign entry is a miss, never an error
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if not self.usable:
            return
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something unpicklable in a result: not kept
            return
        if len(data) > MAX_ENTRY:
            return
        target = self._entry(key)
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)  # whole or not at all: a concurrent run reads one or the other
            except BaseException:
                with _quiet():
                    os.unlink(tmp)
                raise
        except OSError:  # a full disk or a read-only cache costs speed, not the run
            return


class _quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return exc[0] is not None and issubclass(exc[0], OSError)


def clean(directory: Optional[Path]) -> List[str]:
    """Remove the cache directory's entries; the paths removed."""
    import shutil

    if directory is None or not directory.is_dir():
        return []
    removed = []
    for child in sorted(directory.iterdir()):
        if child.name.startswith("v") and child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
            removed.append(str(child))
    return removed
