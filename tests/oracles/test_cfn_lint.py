"""cfn-lint carries the CloudFormation resource schemas: a misspelled or misplaced
property in a fix fails here. Every golden expected template must have no cfn-lint
error that its input did not already have."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter

import pytest

from iacfix import golden
from tests.oracles.conftest import oracle

CASES = [c for c in golden.cases() if c.language == "cloudformation"]


def _errors(exe, paths):
    r = subprocess.run([exe, "--format", "json", "--", *map(str, paths)], capture_output=True, text=True)
    if r.returncode not in (0, 2, 4, 6, 8, 10, 12, 14) and not r.stdout.strip().startswith("["):
        raise AssertionError(f"cfn-lint failed: {r.stderr[-800:]}")
    out = {}
    for m in json.loads(r.stdout or "[]"):
        if m["Level"] != "Error":
            continue
        # Identify an error by rule, resource path and message (line numbers move with inserted lines).
        msg = re.sub(r"line \d+", "line N", m["Message"])
        key = (m["Rule"]["Id"], "/".join(map(str, m["Location"]["Path"] or [])), msg)
        out.setdefault(m["Filename"], Counter())[key] += 1
    return out


@pytest.fixture(scope="module")
def lint_results():
    exe = oracle("cfn-lint")
    paths = [p for c in CASES for p in (c.input, c.expected)]
    return _errors(exe, paths) if paths else {}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_expected_template_has_no_new_cfn_lint_error(case, lint_results):
    before = lint_results.get(str(case.input), Counter())
    after = lint_results.get(str(case.expected), Counter())
    new = after - before
    assert not new, f"cfn-lint errors introduced by the fix: {sorted(new)}"
