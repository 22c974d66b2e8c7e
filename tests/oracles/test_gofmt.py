"""gofmt: every CDK Go golden file is as gofmt leaves it, inputs and expected files alike
(a gofmt-clean input gives a gofmt-clean output: the runs iacfix realigns are aligned as
gofmt aligns them)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from iacfix import golden

CASES = [c for c in golden.cases() if c.language == "go" or (c.slug == golden.STACKS and c.input.suffix == ".go")]


def _gofmt() -> str:
    exe = shutil.which("gofmt")
    if exe is None:
        pytest.skip("no gofmt on this machine (scripts/install-oracles.sh installs golang-go where apt is available)")
    return exe


def _unformatted(exe: str, path) -> str:
    """gofmt's diff for ``path`` (empty: gofmt leaves it as it is)."""
    r = subprocess.run([exe, "-d"], input=path.read_bytes(), capture_output=True)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    return r.stdout.decode("utf-8", "replace")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_gofmt_clean(case):
    exe = _gofmt()
    if _unformatted(exe, case.input):
        pytest.skip("the input itself is not gofmt clean")
    diff = _unformatted(exe, case.expected) if case.expected.exists() else ""
    assert diff == "", f"gofmt would change {case.expected}:\n{diff}"


def test_go_inputs_are_gofmt_clean():
    """The Go cases are written as gofmt leaves Go (a case about odd layout says so in its name)."""
    exe = _gofmt()
    dirty = [c.id for c in CASES if _unformatted(exe, c.input) and "unformatted" not in c.name]
    assert dirty == []
