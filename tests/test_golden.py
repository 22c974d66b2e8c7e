"""Every golden case, byte for byte: the fix, the patch, and a second run that changes nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import unidiff

from iacfix import golden
from iacfix.patch import unified_diff

from tests import shared

CASES = golden.cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden_case(case, tmp_path):
    original = golden.read_text(case.input)
    expected = golden.read_text(case.expected)
    res = shared.fixed(case)  # also the baseline of tests/test_properties.py: run once
    assert res.error is None, res.error
    assert not res.failed, [f"{f.finding.rule} {f.finding.gap.resource_name}: {f.reason}" for f in res.failed]
    got = res.new if res.new is not None else original
    assert got == expected

    # The fixed file is a fixpoint: running again changes nothing and finds nothing fixable.
    again = golden.run(case, text=expected)
    assert again.error is None
    assert again.new is None or again.new == expected
    assert not [f for f in again.remaining if f.fixable and not f.gap.unsafe]

    if expected == original:
        assert not case.expected_diff.exists(), "an unchanged case must not carry expected.diff"
        return
    diff = unified_diff(original, expected, case.input.name)
    assert diff == golden.read_text(case.expected_diff)
    patch = unidiff.PatchSet(diff)
    assert len(patch) == 1 and patch[0].is_modified_file
    work = tmp_path / "repo"
    work.mkdir()
    shutil.copyfile(case.input, work / case.input.name)
    (work / "fix.diff").write_bytes(diff.encode("utf-8"))
    if shutil.which("git"):
        r = subprocess.run(["git", "apply", "fix.diff"], cwd=work, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert (work / case.input.name).read_bytes() == case.expected.read_bytes()


def test_there_are_golden_cases():
    assert len(CASES) > 0


# checkov-skip: a Checkov (or cfn_nag) skip; json-suppressed: iacfix's own in a JSON
# template's Metadata. Both are suppressed cases: their expected file is their input.
SUPPRESSED = ("suppressed", "checkov-skip", "json-suppressed")
KIND_CASES = [c for c in CASES if c.name in ("compliant", "unknown", *SUPPRESSED) and c.slug != golden.STACKS]


@pytest.mark.parametrize("case", KIND_CASES, ids=[c.id for c in KIND_CASES])
def test_untouched_cases_are_untouched_for_the_right_reason(case):
    """compliant/unknown: nothing is even reported; suppressed: the finding exists and is suppressed."""
    res = golden.run(case, fix=False)
    assert res.error is None, res.error
    assert [f.gap.message for f in res.findings] == []
    if case.name in SUPPRESSED:
        assert res.suppressed, "a suppressed case must hold a finding that the comment suppresses"
    if case.name == "checkov-skip":
        assert any(f.suppressed_by != "iacfix: ignore" for f in res.suppressed), "no skip of another scanner"



UNCONFIGURED = [c for c in CASES if c.name == "unconfigured"]


@pytest.mark.parametrize("case", UNCONFIGURED, ids=[c.id for c in UNCONFIGURED])
def test_unconfigured_cases_report_without_a_fix(case):
    """unconfigured: a value only the owner can choose is not set, so the gap is reported
    (saying which setting fixes it) and nothing is written."""
    res = golden.run(case, fix=False)
    assert res.error is None, res.error
    ours = [f for f in res.findings if f.slug == case.slug]
    assert ours, "an unconfigured case must hold a finding"
    assert not [f.gap.message for f in ours if f.fixable]
    assert any("only you can choose the value" in f.gap.message for f in ours), [f.gap.message for f in ours]

# CRLF: every codemod in every language keeps Windows line endings. The ``gap`` case of
# each is run again with CRLF endings and must give its expected file with CRLF endings,
# byte for byte, and a patch git applies to the CRLF file. (Cases whose CRLF input is not
# a ``gap`` case are kept as ``crlf`` folders of their own.)
CRLF_CASES = [c for c in CASES if c.name == "gap" and c.slug != golden.STACKS
              and "\r" not in golden.read_text(c.input)]


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("case", CRLF_CASES, ids=[c.id.replace("/gap", "/gap-as-crlf") for c in CRLF_CASES])
def test_crlf_variant_of_gap_case(case, tmp_path):
    original = _crlf(golden.read_text(case.input))
    expected = _crlf(golden.read_text(case.expected))
    res = golden.run(case, text=original)
    assert res.error is None, res.error
    assert not res.failed, [f"{f.finding.rule} {f.finding.gap.resource_name}: {f.reason}" for f in res.failed]
    got = res.new if res.new is not None else original
    assert got == expected
    again = golden.run(case, text=expected)
    assert again.new is None or again.new == expected
    if expected == original or not shutil.which("git"):
        return
    work = tmp_path / "repo"
    work.mkdir()
    (work / case.input.name).write_bytes(original.encode("utf-8"))
    (work / "fix.diff").write_bytes(unified_diff(original, expected, case.input.name).encode("utf-8"))
    r = subprocess.run(["git", "apply", "fix.diff"], cwd=work, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (work / case.input.name).read_bytes() == expected.encode("utf-8")


def test_crlf_variants_cover_every_codemod_language():
    """Every (codemod, language) folder has a CRLF check: a generated one from its gap
    case or a crlf case of its own."""
    covered = {(c.slug, c.language) for c in CRLF_CASES}
    covered |= {(c.slug, c.language) for c in CASES if c.name.startswith("crlf")}
    every = {(c.slug, c.language) for c in CASES if c.slug != golden.STACKS}
    assert every - covered == set()
