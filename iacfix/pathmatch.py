"""Paths matched against ``.gitignore``-style patterns, with ``pathspec`` (what black and
others use): ``*`` does not cross ``/``, ``**`` does, a pattern without a ``/`` matches a
name at any depth, one with a ``/`` is anchored to the directory of the file that
states it (the configuration file, the ``.gitignore``), a trailing ``/`` matches only a
directory, ``!`` re-includes."""

from __future__ import annotations

import functools
import os
from typing import Iterable, Optional, Tuple

import pathspec


@functools.lru_cache(maxsize=512)
def spec(patterns: Tuple[str, ...]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def relative(path: str, base: str) -> Optional[str]:
    """``path`` relative to directory ``base``, with ``/``; None when it is not under it."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    except ValueError:  # another drive
        return None
    if rel == os.curdir or rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


def matches(patterns: Iterable[str], path: str, base: str, is_dir: bool = False) -> bool:
    """Whether ``path`` (a file, or with ``is_dir`` a directory) matches the patterns as
    written in a file of directory ``base``."""
    patterns = tuple(patterns)
    if not patterns:
        return False
    rel = relative(path, base)
    if rel is None:  # outside base: only the patterns that match at any depth can apply
        rel = os.path.abspath(path).replace(os.sep, "/").lstrip("/")
    return spec(patterns).match_file(rel + "/" if is_dir else rel)


def gitignore_lines(directory: str) -> Tuple[str, ...]:
    """The patterns of ``directory/.gitignore`` (none when there is no such readable file)."""
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as fh:
            return tuple(fh.read().splitlines())
    except OSError:
        return ()


class GitIgnore:
    """The ``.gitignore`` files of a repository, read once per directory: a path is ignored
    when the nearest ``.gitignore`` with a pattern that decides it says so (a deeper file
    overrides a shallower one, and ``!`` re-includes), as git does. Outside a repository
    (no ``.git`` upward) nothing is ignored."""

    def __init__(self) -> None:
        self._lines: dict = {}
        self._repo: dict = {}
        self._dirs: dict = {}

    def _repo_root(self, directory: str) -> Optional[str]:
        if directory not in self._repo:
            parent = os.path.dirname(directory)
            if os.path.lexists(os.path.join(directory, ".git")):
                self._repo[directory] = directory
            elif parent == directory:
                self._repo[directory] = None
            else:
                self._repo[directory] = self._repo_root(parent)
        return self._repo[directory]

    def _spec(self, directory: str):
        if directory not in self._lines:
            lines = gitignore_lines(directory)
            self._lines[directory] = spec(lines) if any(ln.strip() and not ln.startswith("#") for ln in lines) else None
        return self._lines[directory]

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        path = os.path.abspath(path)
        parent = os.path.dirname(path)
        root = self._repo_root(parent)
        if root is None:
            return False
        # an ignored directory above hides everything in it
        if parent != root:
            if parent not in self._dirs:
                self._dirs[parent] = self.ignored(parent, is_dir=True)
            if self._dirs[parent]:
                return True
        d = parent
        while True:
            sp = self._spec(d)
            if sp is not None:
                rel = relative(path, d)
                if rel is not None:
                    res = sp.check_file(rel + "/" if is_dir else rel)
                    if res.include is not None:
                        return bool(res.include)
            if d == root:
                return False
            d = os.path.dirname(d)
