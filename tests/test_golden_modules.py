"""Golden modules: several files read as one module (a Terraform directory, a CDK or
Pulumi app), byte for byte — each fixed file, the module's patch (applied with
``git apply``), and a second run that changes nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from iacfix import golden

CASES = golden.module_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_module_case(case, tmp_path):
    results = golden.run_module(case)
    for rel, res in results.items():
        assert res.error is None, f"{rel}: {res.error}"
        assert not res.failed, [f"{rel}: {f.finding.rule} {f.finding.gap.resource_name}: {f.reason}" for f in res.failed]
    texts, diff = golden.render_module(case)
    assert sorted(p.relative_to(case.expected).as_posix() for p in case.expected.rglob("*") if p.is_file()) \
        == case.files(), "expected/ must hold the same files as input/"
    for rel, text in texts.items():
        assert text == golden.read_text(case.expected / rel), rel
    assert diff == (golden.read_text(case.expected_diff) if case.expected_diff.exists() else "")

    # a fixpoint: the fixed module gives nothing more to fix
    again = golden.run_module(case, texts=texts)
    for rel, res in again.items():
        assert res.new is None or res.new == texts[rel], rel
        assert not [f for f in res.remaining if f.fixable and not f.gap.unsafe], rel

    if diff and shutil.which("git"):
        work = tmp_path / "repo"
        shutil.copytree(case.input, work)
        (tmp_path / "fix.diff").write_bytes(diff.encode("utf-8"))
        r = subprocess.run(["git", "apply", str(tmp_path / "fix.diff")], cwd=work, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        for rel in case.files():
            assert (work / rel).read_bytes() == (case.expected / rel).read_bytes(), rel

