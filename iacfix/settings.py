"""Settings for a run, from the command line and the configuration files (shared by
``iacfix check``/``fix`` and ``iacfix pr``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

import iacfix.codemods as codemods
from iacfix.config import Config, ConfigError, Configs
from iacfix.engine import Settings


class UsageError(Exception):
    """A bad option or configuration: the command line says what is wrong (exit 2)."""


def split(values) -> List[str]:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    out: List[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


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


    def codemods_for(self, paths) -> list:
        """The codemods the configurations governing the IaC files under ``paths`` select, in
        catalog order (what ``iacfix pr`` makes one commit each of). Every configuration is
        read, and checked, here."""
        from iacfix.sources import discover

        cands, _errors = discover(paths, excluded=self.excluded)
        ids = {cm.id for c in cands for cm in self.settings(c.path).codemods}
        if not cands:  # nothing to read: the command line's (or the nearest) choice
            ids = {cm.id for p in paths for cm in self.settings(p).codemods}
        return [cm for cm in codemods.CATALOG if cm.id in ids]

    def only(self, codemod) -> "Run":
        """This run with every file's codemods narrowed to ``codemod`` (absent where the file's
        configuration does not select it)."""
        return _Only(self, codemod)


class _Only:
    def __init__(self, run: Run, codemod):
        self.run, self.codemod, self._settings = run, codemod, {}

    def settings(self, path) -> Settings:
        import dataclasses

        st = self.run.settings(path)
        if id(st) not in self._settings:
            self._settings[id(st)] = dataclasses.replace(
                st, codemods=[cm for cm in st.codemods if cm.id == self.codemod.id])
        return self._settings[id(st)]

    def excluded(self, path, is_dir: bool = False, named: bool = False) -> bool:
        return self.run.excluded(path, is_dir, named)


def _unknown(e: KeyError) -> str:
    valid = ", ".join(f"{c.id}/{c.slug}" for c in codemods.CATALOG)
    return f"unknown codemod {e.args[0]!r}; valid: {valid}"
