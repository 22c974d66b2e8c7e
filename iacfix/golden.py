"""Golden cases: ``golden/<slug>/<language>/<case>/`` with ``input.*``, ``expected.*``,
``expected.diff`` (when the fix changes the file), an optional ``case.toml``, and for
Python the app's packaging files the case needs (``requirements.txt``, ``setup.py``...,
read as ``Project.package``)::

    select = ["api-throttling"]      # default: the codemod named by the folder;
                                     # every codemod under golden/stacks/
    unsafe_fixes = false
    [params.api-throttling]
    rate_limit = 50

Used by the tests and by ``scripts/golden.py`` (which writes expected files for
a person to read before committing them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import iacfix.codemods as codemods
from iacfix.config import load_toml, normalise_params
from iacfix.engine import PYTHON, ModuleFile, Settings, process_module
from iacfix.modules import GO_PACKAGE_FILES, package_texts
from iacfix.patch import unified_diff
from iacfix.sources import SourceText, detect_language

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
STACKS = "stacks"
MODULES = "modules"  # golden/modules/<language>/<case>/: several files read as one module


@dataclass
class Case:
    dir: Path
    slug: str
    language: str
    name: str

    @property
    def id(self) -> str:
        return f"{self.slug}/{self.language}/{self.name}"

    @property
    def input(self) -> Path:
        return _one(self.dir, "input")

    @property
    def expected(self) -> Path:
        return self.dir / ("expected" + self.input.suffix)

    @property
    def expected_diff(self) -> Path:
        return self.dir / "expected.diff"

    def settings(self, fix: bool = True) -> Settings:
        cfg: Dict = {}
        f = self.dir / "case.toml"
        if f.exists():
            cfg = load_toml(f)
        if "select" in cfg:
            chosen = codemods.select(cfg["select"])
        elif self.slug == STACKS:
            chosen = list(codemods.CATALOG)
        else:
            chosen = codemods.select([self.slug])
        params = normalise_params(cfg.get("params", {}))
        return Settings(codemods=chosen, params=params, fix=fix, unsafe_fixes=bool(cfg.get("unsafe_fixes", False)))


def _one(d: Path, stem: str) -> Path:
    found = sorted(p for p in d.iterdir() if p.stem == stem and p.suffix != ".diff")
    if len(found) != 1:
        raise FileNotFoundError(f"{d}: expected exactly one {stem}.* file, found {len(found)}")
    return found[0]


def cases(root: Path = GOLDEN) -> List[Case]:
    out = []
    if not root.is_dir():
        return out
    for slug_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name != MODULES):
        for lang_dir in sorted(p for p in slug_dir.iterdir() if p.is_dir()):
            for case_dir in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
                out.append(Case(case_dir, slug_dir.name, lang_dir.name, case_dir.name))
    return out


def read_text(p: Path) -> str:
    return p.read_bytes().decode("utf-8")


def run(case: Case, text: Optional[str] = None, fix: bool = True):
    """Run the case's codemods on ``text`` (default: the input). Returns the FileResult."""
    path = case.input
    raw = read_text(path) if text is None else text
    src = SourceText.from_string(raw)
    language = detect_language(path, src.text)
    if language != case.language:
        raise AssertionError(f"{case.id}: input is recognised as {language!r}, not {case.language!r}")
    package = package_texts(case.dir) if language in PYTHON else \
        package_texts(case.dir, GO_PACKAGE_FILES) if language == "go" else None
    return process_module([ModuleFile(path.name, src)], language, case.settings(fix=fix), package)[0]


def render(case: Case) -> tuple:
    """(expected text, expected diff) as the current code produces them."""
    res = run(case)
    if res.error:
        raise AssertionError(f"{case.id}: {res.error}")
    if res.failed:
        reasons = "; ".join(f"{f.finding.rule} {f.finding.gap.resource_name}: {f.reason}" for f in res.failed)
        raise AssertionError(f"{case.id}: a fix failed verification: {reasons}")
    new = res.new if res.new is not None else res.original
    return new, unified_diff(res.original, new, case.input.name)


# ------------------------------------------------------------------ module cases
@dataclass
class ModuleCase(Case):
    """``golden/modules/<language>/<case>/``: ``input/`` and ``expected/`` folders holding
    the files of one module (a Terraform directory, a CDK or Pulumi app), the
    ``expected.diff`` of the whole module, and an optional ``case.toml``. Every
    codemod runs unless ``select`` says otherwise."""

    @property
    def input(self) -> Path:
        return self.dir / "input"

    @property
    def expected(self) -> Path:
        return self.dir / "expected"

    def files(self) -> List[str]:
        """The module's files, relative to ``input/``."""
        return sorted(str(p.relative_to(self.input)) for p in self.input.rglob("*") if p.is_file())

    def settings(self, fix: bool = True) -> Settings:
        cfg: Dict = {}
        f = self.dir / "case.toml"
        if f.exists():
            cfg = load_toml(f)
        chosen = codemods.select(cfg["select"]) if "select" in cfg else list(codemods.CATALOG)
        params = normalise_params(cfg.get("params", {}))
        return Settings(codemods=chosen, params=params, fix=fix, unsafe_fixes=bool(cfg.get("unsafe_fixes", False)))


def module_cases(root: Path = GOLDEN / MODULES) -> List[ModuleCase]:
    out = []
    if not root.is_dir():
        return out
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for case_dir in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
            out.append(ModuleCase(case_dir, MODULES, lang_dir.name, case_dir.name))
    return out


def run_module(case: ModuleCase, texts: Optional[Dict[str, str]] = None, fix: bool = True):
    """Run the case on its input files (or on ``texts``: relative path → text).
    Returns {relative path: FileResult}."""
    files = []
    for rel in case.files():
        raw = read_text(case.input / rel) if texts is None else texts[rel]
        src = SourceText.from_string(raw)
        language = detect_language(case.input / rel, src.text)
        if language is None:
            continue
        if language != case.language:
            raise AssertionError(f"{case.id}: {rel} is recognised as {language!r}, not {case.language!r}")
        files.append(ModuleFile(rel, src))
    package = package_texts(case.input) if case.language in PYTHON else \
        package_texts(case.input, GO_PACKAGE_FILES) if case.language == "go" else None
    return {r.path: r for r in process_module(files, case.language, case.settings(fix=fix), package)}


def render_module(case: ModuleCase) -> Tuple[Dict[str, str], str]:
    """({relative path: expected text}, expected diff) as the current code produces them."""
    results = run_module(case)
    out, diff = {}, ""
    for rel in case.files():
        original = read_text(case.input / rel)
        res = results.get(rel)
        if res is not None and res.error:
            raise AssertionError(f"{case.id}: {rel}: {res.error}")
        if res is not None and res.failed:
            reasons = "; ".join(f"{f.finding.rule} {f.finding.gap.resource_name}: {f.reason}" for f in res.failed)
            raise AssertionError(f"{case.id}: a fix failed verification: {reasons}")
        new = res.new if res is not None and res.new is not None else original
        out[rel] = new
        diff += unified_diff(original, new, rel)
    return out, diff
