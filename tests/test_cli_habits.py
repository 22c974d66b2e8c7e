"""Baseline, monorepo configuration, excludes and ruff-like habits of the command line
(issue 12, items 2, 6 and 7), on the toy catalog."""

import json
import os

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix.cli import main
from tests import toy

QUEUE = "  {name}:\n    Type: AWS::SQS::Queue\n"
HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"


def template(*names):
    return HEAD + "".join(QUEUE.format(name=n) for n in names)


@pytest.fixture(autouse=True)
def toy_catalog(monkeypatch):
    monkeypatch.setattr(codemods, "CATALOG", list(toy.ALL))


def cli(*args, **kw):
    return CliRunner().invoke(main, list(args), **kw)


# -- baseline ---------------------------------------------------------------------------

def test_a_baseline_hides_the_findings_it_records_and_reports_new_ones(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stack.yaml").write_text(template("Orders", "Invoices"))
    r = cli("check", "--create-baseline", "iacfix-baseline.json", ".")
    assert r.exit_code == 0, r.output
    assert "Wrote 2 findings to the baseline iacfix-baseline.json." in r.stderr
    doc = json.loads((tmp_path / "iacfix-baseline.json").read_text())
    assert doc["files"] == [{"file": "stack.yaml", "findings": [
        {"rule": "TOY001", "resource_type": "AWS::SQS::Queue", "resource_name": "Invoices"},
        {"rule": "TOY001", "resource_type": "AWS::SQS::Queue", "resource_name": "Orders"}]}]

    r = cli("check", "--baseline", "iacfix-baseline.json", ".")
    assert r.exit_code == 0, r.output
    assert "No findings." in r.stdout and "2 findings in the baseline iacfix-baseline.json not shown." in r.stdout

    # a new queue (and the old ones moved down by it) : only the new one is reported
    (tmp_path / "stack.yaml").write_text(template("Payments", "Orders", "Invoices"))
    r = cli("check", "--baseline", "iacfix-baseline.json", ".")
    assert r.exit_code == 1
    assert "stack.yaml:3:3: TOY001" in r.stdout and "Found 1 finding" in r.stdout

    # the same baseline from another directory: files are relative to the baseline's place
    monkeypatch.chdir(tmp_path.parent)
    r = cli("check", "--format", "json", "--baseline", str(tmp_path / "iacfix-baseline.json"), str(tmp_path))
    assert [f["resource_name"] for f in json.loads(r.stdout)] == ["Payments"]


def test_a_baseline_that_cannot_be_read_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stack.yaml").write_text(template("Orders"))
    r = cli("check", "--baseline", "missing.json", ".")
    assert r.exit_code == 2 and "missing.json: no such baseline file" in r.stderr
    (tmp_path / "other.json").write_text('{"failed_checks": []}')
    r = cli("check", "--baseline", "other.json", ".")
    assert r.exit_code == 2 and "not an iacfix baseline" in r.stderr
    r = cli("check", "--baseline", "other.json", "--create-baseline", "b.json", ".")
    assert r.exit_code == 2 and not (tmp_path / "b.json").exists()
