"""terraform fmt: an expected .tf whose input was fmt-clean must stay fmt-clean."""

from __future__ import annotations

import subprocess

import pytest

from iacfix import golden
from tests.oracles.conftest import oracle

CASES = [c for c in golden.cases() if c.language == "terraform"]


def _clean(exe, path) -> bool:
    r = subprocess.run([exe, "fmt", "-check", "-no-color", "-"], input=path.read_bytes(), capture_output=True)
    return r.returncode == 0


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fmt_clean_input_gives_fmt_clean_output(case):
    exe = oracle("terraform")
    if not _clean(exe, case.input):
        pytest.skip("the input itself is not terraform-fmt clean")
    assert _clean(exe, case.expected), f"terraform fmt would change {case.expected}"
