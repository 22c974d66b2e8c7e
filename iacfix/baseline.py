"""A baseline of accepted findings, as Checkov has one: ``iacfix check --create-baseline
FILE`` records every finding there is; ``iacfix check --baseline FILE`` reports only the
findings that are not in it, so a large estate gates on new gaps while the backlog is
worked through.

A finding is recorded by its file (relative to the baseline's directory, with ``/``),
its codemod id, and the resource and detail it is about (never its line: a finding
that moves because lines were added above it is still the same finding). A finding
of a resource renamed, or of a new resource, is new.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, List, Set, Tuple

from iacfix.core import Finding

VERSION = 1
Key = Tuple[str, str, str, str, str]  # (file, rule, resource type, resource name, detail)


class BaselineError(Exception):
    pass


def _file(path: str, base: Path) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    return rel.replace(os.sep, "/")


def key(f: Finding, base: Path) -> Key:
    g = f.gap
    return (_file(f.path, base), f.rule, g.resource_type, g.resource_name, g.detail or "")


def write(path: Path, findings: Iterable[Finding]) -> int:
    """Write the baseline of ``findings`` to ``path``; returns how many it holds."""
    base = path.parent
    by_file: dict = {}
    for f in findings:
        k = key(f, base)
        by_file.setdefault(k[0], set()).add(k[1:])
    doc = {
        "iacfix-baseline": VERSION,
        "files": [
            {"file": name, "findings": [
                {"rule": r, "resource_type": t, "resource_name": n, **({"detail": d} if d else {})}
                for r, t, n, d in sorted(entries)]}
            for name, entries in sorted(by_file.items())
        ],
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return sum(len(v) for v in by_file.values())


def read(path: Path) -> Set[Key]:
    """The keys of a baseline file; BaselineError (one line) when it cannot be used."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --create-baseline)") from None
    except OSError as e:
        raise BaselineError(f"{path}: cannot read: {(e.strerror or str(e)).lower()}") from None
    except (UnicodeDecodeError, ValueError) as e:
        raise BaselineError(f"{path}: not a baseline (invalid JSON: {e})") from None
    if not isinstance(doc, dict) or doc.get("iacfix-baseline") != VERSION or not isinstance(doc.get("files"), list):
        raise BaselineError(f"{path}: not an iacfix baseline (version {VERSION}); create it with --create-baseline")
    out: Set[Key] = set()
    try:
        for entry in doc["files"]:
            for f in entry["findings"]:
                out.add((entry["file"], f["rule"], f["resource_type"], f["resource_name"], f.get("detail", "")))
    except (KeyError, TypeError) as e:
        raise BaselineError(f"{path}: not an iacfix baseline (a malformed entry: {e})") from None
    return out


def split(findings: List[Finding], known: Set[Key], base: Path) -> Tuple[List[Finding], List[Finding]]:
    """(new findings, findings in the baseline)."""
    new, old = [], []
    for f in findings:
        (old if key(f, base) in known else new).append(f)
    return new, old
