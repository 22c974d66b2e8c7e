"""The layers point down only: core ← editors ← catalog ← engine ← CLI and bot.

Read statically (every import statement, function-level ones included), so a cycle
hidden behind a late import is caught too.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"iacfix": ROOT / "iacfix", "iacfix.codemods": ROOT / "codemods", "iacfix.transforms": ROOT / "transforms"}


def _modules():
    """Module name → file, for every module of the installed package."""
    out = {}
    for prefix, folder in FOLDERS.items():
        for f in folder.rglob("*.py"):
            rel = f.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join([prefix, *parts])] = f
    return out


MODULES = _modules()


def _imports(name: str, path: Path):
    """The iacfix modules ``name`` imports (the most specific existing module of each)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")
                up = up[: len(up) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for t in targets:
            while t and t not in MODULES:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    if name in ("iacfix", "iacfix.core"):
        return 0
    if name.startswith("iacfix.transforms"):
        return 1
    if name.startswith("iacfix.codemods"):
        return 2
    return 3  # the engine and everything above it


def _importers_of(name):
    return sorted(m for m, deps in GRAPH.items() if name in deps)


def test_every_package_folder_is_installed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {m for m, f in MODULES.items() if f.name == "__init__.py"}
    assert listed == on_disk


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down(name):
    up = sorted(d for d in GRAPH[name] if _layer(d) > _layer(name))
    assert not up, f"{name} imports a higher layer: {up}"


def test_core_imports_nothing_of_ours():
    assert GRAPH["iacfix.core"] == set() and GRAPH["iacfix"] == set()


def _codemod_of(name):
    parts = name.split(".")
    if len(parts) >= 3 and parts[1] == "codemods" and (ROOT / "codemods" / parts[2]).is_dir() \
            and parts[2] not in ("common", "lang", "data"):
        return parts[2]
    return None


@pytest.mark.parametrize("name", sorted(m for m in MODULES if _codemod_of(m)))
def test_no_codemod_imports_another(name):
    mine = _codemod_of(name)
    others = sorted(d for d in GRAPH[name] if _codemod_of(d) not in (None, mine))
    assert not others, f"{name} imports another codemod: {others}"


def test_no_import_cycles():
    seen, stack, cycles = set(), [], []

    def visit(n):
        if n in stack:
            cycles.append(stack[stack.index(n):] + [n])
            return
        if n in seen:
            return
        seen.add(n)
        stack.append(n)
        for d in sorted(GRAPH.get(n, ())):
            if d.startswith("iacfix.codemods") and d != "iacfix.codemods" and n == "iacfix.codemods":
                continue  # the registry imports its members: that edge is the registration
            visit(d)
        stack.pop()

    for n in sorted(GRAPH):
        visit(n)
    # A package's __init__ importing its own submodules is registration, not a cycle.
    real = [c for c in cycles if not any(c[i + 1].startswith(c[i] + ".") for i in range(len(c) - 1))]
    assert not real, real
