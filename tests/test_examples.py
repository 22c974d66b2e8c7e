"""The README's first command, end to end on a copy of examples/: the dry-run patch
applies with git apply and equals what fix writes; after fix, check finds nothing
fixable; a second fix changes nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from iacfix.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_examples_fix_then_check(tmp_path, monkeypatch):
    work = tmp_path / "examples"
    shutil.copytree(EXAMPLES, work)
    applied = tmp_path / "applied"
    shutil.copytree(EXAMPLES, applied)
    monkeypatch.chdir(work)
    run = CliRunner().invoke
    dry = run(main, ["--dry-run", "."])
    assert dry.exit_code == 1 and "Traceback" not in dry.output
    langs = {"cloudformation", "terraform", "pulumi", "cdk", "go"}
    assert {p.split("/")[0] for p in (ln[6:] for ln in dry.stdout.splitlines() if ln.startswith("+++ b/"))} == langs

    (applied / "fix.diff").write_text(dry.stdout)
    r = subprocess.run(["git", "apply", "fix.diff"], cwd=applied, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr

    fixed = run(main, ["fix", "."])
    assert "failed verification" in fixed.stderr and " 0 failed verification" in fixed.stderr, fixed.stderr
    for f in work.rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (applied / f.relative_to(work)).read_bytes(), f

    check = run(main, ["check", "--format", "json", "."])
    left = [f for f in json.loads(check.stdout) if f["fixable"] and not f["unsafe"]]
    assert left == []
    assert run(main, ["fix", "--dry-run", "."]).stdout == ""


def test_parallel_run_with_the_real_catalog_equals_sequential(tmp_path, monkeypatch):
    """Worker processes get the codemods by id (detectors may be closures, which do
    not pickle): a run over enough files to use the pool must match a sequential one."""
    from iacfix import golden
    from iacfix.runner import PARALLEL_THRESHOLD

    picked = [c for c in golden.cases() if c.name == "gap"][: PARALLEL_THRESHOLD * 2]
    for i, case in enumerate(picked):
        d = tmp_path / f"c{i}"
        d.mkdir()
        shutil.copyfile(case.input, d / case.input.name)
    monkeypatch.chdir(tmp_path)
    seq = CliRunner().invoke(main, ["fix", "--dry-run", "-j", "1", "."])
    par = CliRunner().invoke(main, ["fix", "--dry-run", "-j", "2", "."])
    assert "error" not in par.stderr, par.stderr
    assert par.stdout == seq.stdout and par.stdout.count("+++ b/") == len(picked)
