"""Baseline, monorepo configuration, excludes and ruff-like habits of the command line
(issue 12, items 2, 6 and 7), on the toy catalog."""

import json

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


# -- configuration per file, extend, per-file-ignores --------------------------------------

@pytest.fixture
def monorepo(tmp_path, monkeypatch):
    """Two projects: ``a`` turns the toy codemod off, ``b`` sets its parameter."""
    (tmp_path / ".git").mkdir()
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "stack.yaml").write_text(template("Orders"))
    (tmp_path / "a" / ".iacfix.toml").write_text('ignore = ["toy-retention"]\n')
    (tmp_path / "b" / "pyproject.toml").write_text('[tool.iacfix.toy-retention]\nvalue = 14\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("order", [("a/stack.yaml", "b/stack.yaml"), ("b/stack.yaml", "a/stack.yaml")])
def test_each_file_is_governed_by_its_nearest_configuration_whatever_the_order(monorepo, order):
    r = cli("fix", "--dry-run", "-j", "1", *order)
    assert r.exit_code == 1, r.output
    assert "+++ b/b/stack.yaml" in r.stdout and "Retention: 14" in r.stdout
    assert "a/stack.yaml" not in r.stdout  # a's configuration ignores the codemod


def test_a_configuration_extends_an_organisation_default(monorepo):
    (monorepo / "org.toml").write_text('ignore = ["toy-retention"]\n\n[toy-retention]\nvalue = 30\n')
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nextend = "../org.toml"\n')
    r = cli("check", "-j", "1", "b")
    assert r.exit_code == 0 and "No findings." in r.stdout  # the default's ignore holds
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nextend = "../org.toml"\nignore = []\n')
    r = cli("fix", "--dry-run", "-j", "1", "b")
    assert "Retention: 30" in r.stdout  # its own ignore replaces the default's; the parameter stays
    (monorepo / "b" / "pyproject.toml").write_text(
        '[tool.iacfix]\nextend = "../org.toml"\nignore = []\n\n[tool.iacfix.toy-retention]\nvalue = 3\n')
    assert "Retention: 3\n" in cli("fix", "--dry-run", "-j", "1", "b").stdout
    (monorepo / "org.toml").write_text('extend = "b/pyproject.toml"\n')
    r = cli("check", "-j", "1", "b")
    assert r.exit_code == 2 and "extend: a loop" in r.stderr
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nextend = "../missing.toml"\n')
    r = cli("check", "-j", "1", "b")
    assert r.exit_code == 2 and "missing.toml: no such file" in r.stderr


def test_a_broken_nested_configuration_stops_the_run_before_anything_is_written(monorepo):
    (monorepo / "a" / ".iacfix.toml").write_text('selct = ["toy-retention"]\n')
    r = cli("fix", "-j", "1", ".")
    assert r.exit_code == 2 and "selct: unknown key" in r.stderr
    assert (monorepo / "b" / "stack.yaml").read_text() == template("Orders")


def test_per_file_ignores(monorepo):
    (monorepo / "b" / "legacy").mkdir()
    (monorepo / "b" / "legacy" / "old.yaml").write_text(template("Old"))
    (monorepo / "b" / "pyproject.toml").write_text(
        '[tool.iacfix.per-file-ignores]\n"legacy/*.yaml" = ["TOY001"]\n')
    r = cli("check", "-j", "1", "b")
    assert "b/stack.yaml:3:3: TOY001" in r.stdout and "old.yaml" not in r.stdout
    r = cli("check", "-j", "1", "b/legacy/old.yaml")  # named, too
    assert r.exit_code == 0 and "No findings." in r.stdout
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix.per-file-ignores]\n"legacy/*.yaml" = ["nope"]\n')
    r = cli("check", "-j", "1", "b")
    assert r.exit_code == 2 and "per-file-ignores.legacy/*.yaml: unknown codemod 'nope'" in r.stderr


# -- excludes: pathspec, .gitignore, --force-exclude ---------------------------------------

def test_exclude_is_gitignore_style_and_applies_to_named_files(monorepo):
    (monorepo / "b" / "generated" / "deep").mkdir(parents=True)
    (monorepo / "b" / "generated" / "x.yaml").write_text(template("Gen"))
    (monorepo / "b" / "generated" / "deep" / "y.yaml").write_text(template("Deep"))
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nexclude = ["generated/*.yaml"]\n')
    r = cli("check", "-j", "1", "b")
    # `*` does not cross `/` (fnmatch's did): generated/deep/y.yaml is not excluded
    assert "generated/x.yaml" not in r.stdout and "b/generated/deep/y.yaml:3:3" in r.stdout
    # pre-commit names the file: still excluded, silently; --no-force-exclude reads it
    r = cli("check", "-j", "1", "b/generated/x.yaml")
    assert r.exit_code == 0 and r.stderr == "" and "No findings." in r.stdout
    r = cli("check", "-j", "1", "--no-force-exclude", "b/generated/x.yaml")
    assert r.exit_code == 1 and "b/generated/x.yaml:3:3: TOY001" in r.stdout
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nexclude = ["generated/"]\n')
    r = cli("check", "-j", "1", "b/generated")  # a named directory that is excluded: nothing read
    assert r.exit_code == 0 and "No findings." in r.stdout
    r = cli("check", "-j", "1", "b")  # `generated/` excludes the directory at any depth
    assert "generated" not in r.stdout and "b/stack.yaml:3:3" in r.stdout


def test_gitignore_is_respected_unless_turned_off(monorepo):
    (monorepo / ".gitignore").write_text("cdk-out-copy/\n*.rendered.yaml\n!keep.rendered.yaml\n")
    (monorepo / "cdk-out-copy").mkdir()
    (monorepo / "cdk-out-copy" / "t.yaml").write_text(template("Copy"))
    (monorepo / "b" / "x.rendered.yaml").write_text(template("Rendered"))
    (monorepo / "b" / "keep.rendered.yaml").write_text(template("Kept"))
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nselect = ["ALL"]\n')
    r = cli("check", "-j", "1", ".")
    assert "cdk-out-copy" not in r.stdout and "x.rendered.yaml" not in r.stdout
    assert "b/keep.rendered.yaml:3:3" in r.stdout and "b/stack.yaml:3:3" in r.stdout
    r = cli("check", "-j", "1", "cdk-out-copy/t.yaml")
    assert "No findings." in r.stdout
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nrespect-gitignore = false\n')
    r = cli("check", "-j", "1", "b")
    assert "b/x.rendered.yaml:3:3" in r.stdout


# (default jobs: tests/test_startup.py, runner.available_cpus)


# -- ruff-like habits ----------------------------------------------------------------------

@pytest.fixture
def stacks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    (tmp_path / "one.yaml").write_text(template("Orders", "Invoices", "ReportOnly"))
    (tmp_path / "two.yaml").write_text(template("Payments"))
    return tmp_path


def test_statistics_count_the_findings_per_codemod(stacks):
    r = cli("check", "-j", "1", "--statistics", ".")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[:2] == ["4  TOY001  toy-retention              medium [*]",
                                         "1  TOY004  toy-unfixable              medium"]
    assert "one.yaml:" not in r.stdout and "Found 5 findings" in r.stdout
    data = json.loads(cli("check", "-j", "1", "--statistics", "--format", "json", ".").stdout)
    assert data[0] == {"rule": "TOY001", "slug": "toy-retention", "severity": "medium", "count": 4, "fixable": 4}


def test_dry_run_says_what_it_would_fix_on_stderr_and_show_fixes_lists_it(stacks):
    r = cli("fix", "--dry-run", "--show-fixes", "-j", "1", ".")
    assert r.exit_code == 1
    assert r.stdout.startswith("--- a/one.yaml")
    assert r.stderr.splitlines()[-1] == "Would fix 4 findings in 2 files; 1 would remain."
    assert "- one.yaml:\n    3 × TOY001 (toy-retention)\n- two.yaml:\n    1 × TOY001 (toy-retention)\n" in r.stderr
    assert cli("fix", "--dry-run", "--exit-zero", "-j", "1", ".").exit_code == 0
    r = cli("fix", "--show-fixes", "-j", "1", ".")
    assert r.exit_code == 1  # the unfixable finding remains
    assert "- one.yaml:\n    3 × TOY001 (toy-retention)" in r.stderr
    (stacks / "one.yaml").write_text(template("ReportOnly"))
    assert cli("fix", "--exit-zero", "-j", "1", ".").exit_code == 0


def test_fail_on_a_severity(stacks, monkeypatch):
    import dataclasses

    high = dataclasses.replace(toy.UNFIXABLE, severity="high")
    monkeypatch.setattr(codemods, "CATALOG", [toy.RETENTION, high])
    (stacks / "one.yaml").write_text(template("Orders"))
    (stacks / "two.yaml").write_text(template("ReportOnly"))
    assert cli("check", "-j", "1", "--fail-on", "high", "one.yaml").exit_code == 0  # a medium finding only
    r = cli("check", "-j", "1", "--fail-on", "high", ".")
    assert r.exit_code == 1 and "one.yaml:3:3: TOY001" in r.stdout  # every finding is still listed
    assert cli("check", "-j", "1", "--fail-on", "low", "one.yaml").exit_code == 1
    data = json.loads(cli("check", "-j", "1", "--format", "json", "two.yaml").stdout)
    assert {f["rule"]: f["severity"] for f in data} == {"TOY001": "medium", "TOY004": "high"}


def test_every_codemod_of_the_catalog_has_a_known_severity():
    from iacfix.codemods import _ALL
    from iacfix.codemods.spec import SEVERITIES

    assert {c.severity for c in _ALL} == set(SEVERITIES)


def test_colour_follows_no_color_and_force_color(stacks, monkeypatch):
    plain = cli("check", "-j", "1", "two.yaml").stdout
    assert "\x1b[" not in plain  # not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = cli("check", "-j", "1", "two.yaml").stdout
    assert "\x1b[1mtwo.yaml\x1b[0m:3:3: \x1b[31m\x1b[1mTOY001\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli("check", "-j", "1", "two.yaml").stdout == plain


# -- standard input, for editors -------------------------------------------------------------

def test_check_and_fix_the_file_on_standard_input(monorepo):
    crlf = template("Orders").replace("\n", "\r\n")
    r = cli("check", "-", "--stdin-filename", "b/stack.yaml", input=crlf)
    assert r.exit_code == 1 and r.stdout.startswith("b/stack.yaml:3:3: TOY001 toy-retention")
    # fixed on standard output, with b's parameter and the file's own line breaks; nothing written
    r = cli("fix", "-", "--stdin-filename", "b/stack.yaml", input=crlf)
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes == (template("Orders") + "    Properties:\n      Retention: 14").replace(
        "\n", "\r\n").encode() + b"\r\n"
    assert (monorepo / "b" / "stack.yaml").read_text() == template("Orders")
    # a's configuration ignores the codemod: the file comes back as it went in
    r = cli("fix", "--stdin-filename", "a/stack.yaml", input=crlf)
    assert r.exit_code == 0 and r.stdout_bytes == crlf.encode()
    r = cli("fix", "--dry-run", "-", "--stdin-filename", "b/new.yaml", input=template("Orders"))
    assert r.exit_code == 1 and "+++ b/b/new.yaml" in r.stdout
    r = cli("check", "-", input=template("Orders"))  # no name: recognised by its content
    assert r.exit_code == 1 and r.stdout.startswith("-:3:3: TOY001")
    assert cli("check", "-", "a/stack.yaml", input="").exit_code == 2
    # what cannot be read or parsed comes back byte for byte (an editor would lose the buffer)
    latin1 = template("Caf\xe9").encode("latin-1")
    r = cli("fix", "-", "--stdin-filename", "b/stack.yaml", input=latin1)
    assert r.exit_code == 1 and r.stdout_bytes == latin1 and "not valid UTF-8" in r.stderr
    broken = template("Orders") + "  : [unclosed\n"
    r = cli("fix", "-", "--stdin-filename", "b/stack.yaml", input=broken)
    assert r.exit_code == 1 and r.stdout == broken and "b/stack.yaml" in r.stderr


def test_a_name_on_standard_input_that_is_excluded_gives_nothing(monorepo):
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix]\nexclude = ["generated/"]\n')
    r = cli("fix", "-", "--stdin-filename", "b/generated/x.yaml", input=template("Orders"))
    assert r.exit_code == 0 and r.stdout == template("Orders")


def test_a_suppression_of_a_codemod_per_file_ignores_turn_off_is_not_called_unused(monorepo):
    (monorepo / "b" / "stack.yaml").write_text(template("Orders").replace(
        "  Orders:\n", "  Orders:  # iacfix: ignore[toy-retention]\n"))
    r = cli("check", "-j", "1", "--report-unused-suppressions", "b")
    assert r.exit_code == 0 and "unused suppression" not in r.stdout, r.output  # the mark is used
    (monorepo / "b" / "pyproject.toml").write_text('[tool.iacfix.per-file-ignores]\n"*.yaml" = ["toy-retention"]\n')
    r = cli("check", "-j", "1", "--report-unused-suppressions", "b")
    assert r.exit_code == 0 and "unused suppression" not in r.stdout, r.output


def test_patterns_are_gitignore_style_relative_to_their_file(tmp_path):
    from iacfix.pathmatch import GitIgnore, matches

    b = str(tmp_path)
    assert matches(["/generated/"], f"{b}/generated/x.tf", b)
    assert not matches(["/generated/"], f"{b}/a/generated/x.tf", b)  # anchored beside the file
    assert matches(["generated/"], f"{b}/a/generated/x.tf", b)
    assert matches(["legacy/**/*.tf"], f"{b}/legacy/a/b/c.tf", b)
    assert not matches(["legacy/*.tf"], f"{b}/legacy/a/c.tf", b)  # `*` does not cross `/`
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.rendered.yaml\nout/\n")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".gitignore").write_text("!keep.rendered.yaml\n")
    gi = GitIgnore()
    assert gi.ignored(f"{b}/a.rendered.yaml") and gi.ignored(f"{b}/b/x.rendered.yaml")
    assert not gi.ignored(f"{b}/b/keep.rendered.yaml")  # the deeper file re-includes it
    assert gi.ignored(f"{b}/out", is_dir=True) and gi.ignored(f"{b}/out/deep/t.tf")
    assert not gi.ignored(f"{b}/b/stack.yaml")
    assert not GitIgnore().ignored(str(tmp_path.parent / "elsewhere.rendered.yaml"))  # outside a repository


def test_in_parallel_each_module_keeps_its_own_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(10):  # above the runner's threshold for a process pool
        d = tmp_path / f"p{i}"
        d.mkdir()
        (d / "stack.yaml").write_text(template("Orders"))
        if i % 2:
            (d / ".iacfix.toml").write_text('ignore = ["toy-retention"]\n')
        else:
            (d / ".iacfix.toml").write_text(f'[toy-retention]\nvalue = {i + 1}\n')
    one = cli("fix", "--dry-run", "-j", "1", ".")
    two = cli("fix", "--dry-run", "-j", "2", ".")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert [ln for ln in two.stdout.splitlines() if "Retention:" in ln] == [
        f"+      Retention: {i + 1}" for i in (0, 2, 4, 6, 8)]


def test_documentation_links_when_the_package_states_where_its_docs_are(stacks, monkeypatch):
    from iacfix import report

    assert json.loads(cli("check", "-j", "1", "--format", "json", "two.yaml").stdout)[0].get("url") is None
    monkeypatch.setattr(report, "docs_base", lambda: "https://docs.example.org/iacfix/codemods.html")
    data = json.loads(cli("check", "-j", "1", "--format", "json", "two.yaml").stdout)
    assert data[0]["url"] == "https://docs.example.org/iacfix/codemods.html#toy-retention"
    assert "\x1b]8;;" not in cli("check", "-j", "1", "two.yaml").stdout  # not a terminal: no link
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = cli("check", "-j", "1", "two.yaml").stdout
    assert "\x1b]8;;https://docs.example.org/iacfix/codemods.html#toy-retention\x1b\\" in out
