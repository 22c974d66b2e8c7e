"""Which files are read together: the module is the unit of analysis.

- Terraform: a directory's ``*.tf`` files (a module, in Terraform's own sense).
- CDK and Pulumi Python: an app's files — from the file's directory up through its
  enclosing packages (directories with ``__init__.py``), or up to the directory holding
  ``cdk.json`` / ``Pulumi.yaml`` when one is a few levels above — and every ``.py``
  file below that root.
- CloudFormation: a template is a module of its own.

Files found by walking a directory are *members*: reported and fixed. A file named on
the command line brings the rest of its module along as *context*: read so that the
named file is judged as part of its module, and editable when a fix of the named file
belongs there (an X-Ray grant on the role defined in ``iam.py``), but not reported.
Context files that match an ``exclude`` pattern are read but never written.
"""

from __future__ import annotations

import os
from fnmatch import fnmatch  # file names only (requirements*.txt): no '/' to cross
from pathlib import Path
from typing import Callable, Dict, List, Sequence, Tuple, Union

from iacfix.sources import SKIP_DIRS, Candidate, _is_virtualenv

APP_MARKERS = ("cdk.json", "Pulumi.yaml", "Pulumi.yml")
# The files that say how a Python app is installed (the versions it pins): read with the
# app (``Project.package``), never edited.
# A CDK app's cdk.json too: the feature flags that change what constructs do by default.
PACKAGE_FILES = ("requirements*.txt", "setup.py", "setup.cfg", "pyproject.toml", "cdk.json")
GO_PACKAGE_FILES = ("go.mod", "cdk.json")  # go.mod: the aws-cdk-go version it requires
MAX_PACKAGE_FILE = 256 * 1024
MAX_CONTEXT_FILES = 400  # a module larger than this is read from its named files only

File = Tuple[Path, str, bool, bool]  # (path, display, member, writable)


def python_root(f: Path) -> Path:
    d = f.parent
    for up in [d, *list(d.parents)[:3]]:
        if any((up / m).is_file() for m in APP_MARKERS):
            return up
    while (d / "__init__.py").is_file() and d.parent != d:
        d = d.parent
    return d


def package_texts(directory: Path, patterns: Sequence[str] = PACKAGE_FILES) -> Dict[str, str]:
    """The packaging files (``PACKAGE_FILES``) directly in ``directory``, by name."""
    out: Dict[str, str] = {}
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return out
    for p in entries:
        if not any(fnmatch(p.name, pat) for pat in patterns):
            continue
        try:
            if not p.is_file() or p.is_symlink() or p.stat().st_size > MAX_PACKAGE_FILE:
                continue
            out[p.name] = p.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue
    return out


def package_of(paths: Sequence[Path]) -> Dict[str, str]:
    """The packaging files of the Python app the files belong to: those at the app's root
    (``python_root``), else in the nearest of the two directories above it that has any."""
    if not paths:
        return {}
    root = python_root(Path(os.path.abspath(paths[0])))
    for d in [root, *list(root.parents)[:2]]:
        found = package_texts(d)
        if found:
            return found
    return {}


def go_package_of(paths: Sequence[Path]) -> Dict[str, str]:
    """The ``go.mod`` of the Go module the files belong to: in their directory or the
    nearest of the three above it."""
    if not paths:
        return {}
    d = Path(os.path.abspath(paths[0])).parent
    for cand in [d, *list(d.parents)[:3]]:
        found = package_texts(cand, GO_PACKAGE_FILES)
        if found:
            return found
    return {}


def module_key(path: Path) -> Tuple[str, str]:
    suffix = path.suffix.lower()
    if suffix == ".tf":
        return ("terraform", os.path.normpath(os.path.abspath(path.parent)))
    if suffix == ".py":
        return ("python", os.path.normpath(os.path.abspath(python_root(path))))
    if suffix == ".go":  # a Go package is its directory
        return ("go", os.path.normpath(os.path.abspath(path.parent)))
    return ("file", os.path.normpath(os.path.abspath(path)))


def _module_files(kind: str, root: str) -> List[Path]:
    """Every file of a module on disk (for the context of named files)."""
    base = Path(root)
    if kind in ("terraform", "go"):
        suffix = ".tf" if kind == "terraform" else ".go"
        try:
            return sorted(p for p in base.iterdir() if p.suffix == suffix and p.is_file() and not p.is_symlink()
                          and not p.name.endswith("_test.go"))
        except OSError:
            return []
    out: List[Path] = []
    for dirpath, dirs, files in os.walk(base, followlinks=False):
        d = Path(dirpath)
        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS and not (d / x).is_symlink()
                         and not _is_virtualenv(d / x))
        for f in sorted(files):
            p = d / f
            if p.suffix == ".py" and not p.is_symlink():
                out.append(p)
                if len(out) > MAX_CONTEXT_FILES:
                    return []
    return out


def group(cands: Sequence[Candidate], exclude: Union[Sequence[str], Callable[[Path], bool]] = ()
          ) -> List[List[File]]:
    """The candidates grouped into modules, each with the context its named files need.
    Modules come in the order of their first candidate. ``exclude``: .gitignore-style
    patterns (relative to the current directory), or a function saying whether a path is
    excluded: such a context file is read, never written."""
    from iacfix.pathmatch import matches

    if callable(exclude):
        is_excluded = exclude
    else:
        patterns = list(exclude)

        def is_excluded(p: Path) -> bool:
            return matches(patterns, str(p), os.getcwd())

    order: List[Tuple[str, str]] = []
    members: Dict[Tuple[str, str], List[Candidate]] = {}
    for c in cands:
        key = module_key(c.path)
        if key not in members:
            members[key] = []
            order.append(key)
        members[key].append(c)
    out: List[List[File]] = []
    for key in order:
        group_files: List[File] = [(c.path, c.display, True, True) for c in members[key]]
        kind, root = key
        if kind != "file" and any(c.explicit for c in members[key]):
            known = {os.path.normpath(os.path.abspath(c.path)) for c in members[key]}
            for p in _module_files(kind, root):
                ap = os.path.normpath(os.path.abspath(p))
                if ap in known:
                    continue
                display = os.path.relpath(p) if not os.path.isabs(members[key][0].display) else str(p)
                writable = not is_excluded(p)
                group_files.append((p, display, False, writable))
        out.append(group_files)
    return out
