"""The README's first command, end to end on a copy of examples/: the owner's values come
from examples/.iacfix.toml (found from the repository root and from examples/ alike); the
dry-run patch applies with git apply and equals what fix writes; each stack carries the
gaps of the production checklist and fix closes them in one run; after fix, check finds
nothing but the findings listed in REMAINING, each with its reason; a second fix changes
nothing; and each fixed stack is its golden/stacks/ expected file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from iacfix.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# The checklist every example stack carries a gap of (issue 13), in every language:
# alarms, parameter groups, gp3 storage, backup and maintenance windows, ElastiCache
# Multi-AZ (elasticache-encryption's Multi-AZ finding), stack outputs, a NAT gateway per
# AZ, CORS on an API the stack's web front end calls.
CHECKLIST = ("alarms", "rds-parameter-group", "elasticache-parameter-group", "rds-gp3-storage",
             "rds-windows", "elasticache-multi-az", "stack-outputs", "nat-gateway-per-az", "api-cors")

# What check still reports after fix, by design: (path, codemod, resource) → why.
REMAINING = {
    ("cloudformation/payments-platform.yaml", "nat-gateway-per-az", "NatGateway"):
        "route tables written by hand: a second gateway needs an Elastic IP, a public subnet "
        "and a route table in the other zone, which only the author can lay out (reported, not fixed)",
    ("pulumi/payments-platform/__main__.py", "nat-gateway-per-az", "nat_gateway"):
        "the same, with Pulumi's classic ec2 resources (reported, not fixed)",
}

# The example stacks that are golden/stacks/ cases (their input is a link to the example).
GOLDEN = {
    "cloudformation/payments-platform.yaml": "cloudformation/payments-platform/expected.yaml",
    "terraform/assessment-platform/main.tf": "terraform/assessment-platform/expected.tf",
    "pulumi/payments-platform/__main__.py": "pulumi/payments-platform/expected.py",
    "cdk/payments/payments_stack.py": "cdk/payments/expected.py",
    "go/fulfillment/fulfillment_stack.go": "go/fulfillment/expected.go",
}


def _checklist_item(finding: dict) -> str:
    if finding["slug"] == "elasticache-encryption" and "Multi-AZ" in finding["message"]:
        return "elasticache-multi-az"
    return finding["slug"]


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_examples_fix_then_check(tmp_path, monkeypatch):
    work = tmp_path / "examples"
    shutil.copytree(EXAMPLES, work)
    applied = tmp_path / "applied"
    shutil.copytree(EXAMPLES, applied)
    monkeypatch.chdir(work)
    run = CliRunner().invoke
    before = json.loads(run(main, ["check", "--format", "json", "."]).stdout)
    for lang in ("cloudformation", "terraform", "pulumi", "cdk", "go"):
        found = {_checklist_item(f) for f in before if f["path"].startswith(lang + "/")}
        assert set(CHECKLIST) - found == set(), lang

    dry = run(main, ["--dry-run", "."])
    assert dry.exit_code == 1 and "Traceback" not in dry.output
    summary = dry.stderr.strip().splitlines()[-1]
    assert f"\n{summary}\n" in (ROOT / "README.md").read_text(), f"the README quotes another summary than {summary!r}"
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
    left = {(f["path"], f["slug"], f["resource_name"]) for f in json.loads(check.stdout)}
    assert left == set(REMAINING)
    assert run(main, ["fix", "--dry-run", "."]).stdout == ""
    for example, expected in GOLDEN.items():
        assert (work / example).read_bytes() == (ROOT / "golden" / "stacks" / expected).read_bytes(), example


def test_examples_configuration_is_found_from_the_repository_root_too(tmp_path, monkeypatch):
    """`iacfix --dry-run examples/` from the repository root reads examples/.iacfix.toml,
    as `iacfix fix .` in examples/ does: the same patch, paths aside."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    run = CliRunner().invoke
    monkeypatch.chdir(tmp_path)
    from_root = run(main, ["--dry-run", "examples/"]).stdout
    monkeypatch.chdir(tmp_path / "examples")
    from_examples = run(main, ["--dry-run", "."]).stdout
    assert from_root and from_root.replace(" a/examples/", " a/").replace(" b/examples/", " b/") == from_examples


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
