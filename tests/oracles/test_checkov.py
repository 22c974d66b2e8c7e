"""Checkov judges the codemods that have a Checkov check: on every golden case that
the fix changes, each mapped check that FAILED on the input's resource must PASS
on the expected output, and no mapped check may fail on the output."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import iacfix.codemods as codemods
from iacfix import golden
from tests.oracles.conftest import oracle

FRAMEWORK = {"cloudformation": "cloudformation", "terraform": "terraform"}

# (check, language) pairs where the Checkov check cannot see a correct fix, with why.
# (check, language) → why Checkov still fails after a right fix: stated in the specs, the
# one place ``iacfix explain`` and the docs read it from.
NOT_JUDGED = {(check, language): why for c in codemods.select()
              for check, gaps in c.checkov_gaps.items() for language, why in gaps.items()}
CASES = [
    c for c in golden.cases()
    if c.language in FRAMEWORK and c.slug != golden.STACKS and codemods.lookup(c.slug)
    and codemods.lookup(c.slug).checkov and c.expected_diff.exists()
]


@pytest.fixture(scope="module")
def checkov_results(tmp_path_factory):
    exe = oracle("checkov")
    root = tmp_path_factory.mktemp("checkov")
    for i, case in enumerate(CASES):
        for kind, src in (("in", case.input), ("out", case.expected)):
            d = root / f"{i}-{kind}"
            d.mkdir()
            shutil.copyfile(src, d / src.name)
    if not CASES:
        return {}
    r = subprocess.run([exe, "-d", str(root), "-o", "json", "--compact", "--skip-download"],
                       capture_output=True, text=True)
    data = json.loads(r.stdout)
    reports = data if isinstance(data, list) else [data]
    out = {}
    for rep in reports:
        for status in ("failed_checks", "passed_checks"):
            for chk in rep.get("results", {}).get(status, []):
                rel = chk["file_path"].lstrip("/")
                out.setdefault(rel.split("/")[0], []).append((chk["check_id"], chk["resource"], status))
    return out


def case_not_judged(case) -> dict:
    """``[checkov_not_judged]`` of a case's case.toml: check → why it still fails after the
    fix, on purpose (a stated intent, an unsafe fix not applied)."""
    f = case.dir / "case.toml"
    return dict(golden.load_toml(f).get("checkov_not_judged", {})) if f.exists() else {}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_mapped_checks_fail_before_and_pass_after(case, checkov_results):
    i = CASES.index(case)
    own = case_not_judged(case)
    ids = {c for c in codemods.lookup(case.slug).checkov if (c, case.language) not in NOT_JUDGED and c not in own}
    if not ids:
        pytest.skip("; ".join(v for (c, lang), v in NOT_JUDGED.items() if lang == case.language
                              and c in codemods.lookup(case.slug).checkov))
    before = [(c, r) for c, r, s in checkov_results.get(f"{i}-in", []) if c in ids and s == "failed_checks"]
    after_failed = [(c, r) for c, r, s in checkov_results.get(f"{i}-out", []) if c in ids and s == "failed_checks"]
    after_passed = {(c, r) for c, r, s in checkov_results.get(f"{i}-out", []) if c in ids and s == "passed_checks"}
    assert not after_failed, f"still failing after the fix: {after_failed}"
    for chk in before:
        assert chk in after_passed, f"{chk} failed on the input and does not pass on the output"


# ---------------------------------------------------------------- skips: iacfix reads them as Checkov does

SKIP_CASES = [c for c in golden.cases() if c.language in FRAMEWORK and c.name.startswith("checkov-skip")]


@pytest.fixture(scope="module")
def checkov_skips(tmp_path_factory):
    exe = oracle("checkov")
    root = tmp_path_factory.mktemp("checkov-skips")
    for i, case in enumerate(SKIP_CASES):
        d = root / str(i)
        d.mkdir()
        shutil.copyfile(case.input, d / case.input.name)
    if not SKIP_CASES:
        return {}
    r = subprocess.run([exe, "-d", str(root), "-o", "json", "--compact", "--skip-download"],
                       capture_output=True, text=True)
    data = json.loads(r.stdout)
    out: dict = {}
    for rep in data if isinstance(data, list) else [data]:
        for chk in rep.get("results", {}).get("skipped_checks", []):
            out.setdefault(chk["file_path"].lstrip("/").split("/")[0], set()).add(
                (chk["check_id"], chk["resource"].split(".")[-1]))
    return out


@pytest.mark.parametrize("case", SKIP_CASES, ids=[c.id for c in SKIP_CASES])
def test_iacfix_honours_exactly_the_checkov_skips_checkov_honours(case, checkov_skips):
    """Every mapped check Checkov reports SKIPPED on a resource is a finding iacfix
    suppresses there 'by checkov:skip', and iacfix suppresses none Checkov does not skip."""
    cm = codemods.lookup(case.slug)
    res = golden.run(case, fix=False)
    ours = {f.gap.resource_name for f in res.suppressed if f.suppressed_by == "checkov:skip"}
    theirs = {name for c, name in checkov_skips.get(str(SKIP_CASES.index(case)), set()) if c in cm.checkov}
    assert theirs, "the case must hold a skip Checkov reads"
    assert ours == theirs
