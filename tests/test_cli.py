import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix.cli import main
from tests import toy

TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Orders:\n    Type: AWS::SQS::Queue\n"
FIXED = TEMPLATE + "    Properties:\n      Retention: 7\n"


@pytest.fixture(autouse=True)
def toy_catalog(monkeypatch):
    monkeypatch.setattr(codemods, "CATALOG", list(toy.ALL))


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "stack.yaml").write_text(TEMPLATE)
    (tmp_path / "README.md").write_text("not iac\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_check_text_and_exit_codes(project):
    r = cli("check", "-j", "1", ".")
    assert r.exit_code == 1
    assert "stack.yaml:3:3: TOY001 toy-retention queue has no retention [*]" in r.output
    assert "Found 1 finding (1 fixable with `iacfix fix`)." in r.output
    (project / "stack.yaml").write_text(FIXED)
    r = cli("check", "-j", "1", ".")
    assert r.exit_code == 0 and "No findings." in r.output


def test_check_json(project):
    r = cli("check", "--format", "json", "-j", "1", ".")
    data = json.loads(r.stdout)
    assert r.exit_code == 1
    keys = {"rule", "slug", "path", "line", "column", "end_line", "resource_type", "resource_name", "message", "fixable"}
    assert keys <= set(data[0])
    assert data[0]["rule"] == "TOY001" and data[0]["fixable"] is True
    assert data[0]["applicability"] == "safe"


def test_applicability_of_a_gap():
    from iacfix.core import Gap

    def g(**kw):
        return Gap(1, 1, 1, "t", "n", "m", **kw)

    assert g().applicability == "display-only"
    assert g(fix=lambda: []).applicability == "safe"
    assert g(fix=lambda: [], unsafe=True).applicability == "unsafe"
    assert g(unsafe=True).applicability == "display-only"


def test_dry_run_prints_diff_and_writes_nothing(project):
    for args in (["fix", "--dry-run", "-j", "1", "."], ["--dry-run", "."]):
        r = cli(*args)
        assert r.exit_code == 1
        assert r.stdout.startswith("--- a/stack.yaml\n+++ b/stack.yaml\n")
        assert "+      Retention: 7" in r.stdout
        assert (project / "stack.yaml").read_text() == TEMPLATE


def test_check_writes_nothing(project):
    cli("check", "-j", "1", ".")
    assert (project / "stack.yaml").read_text() == TEMPLATE


def test_fix_writes_and_second_run_is_clean(project):
    r = cli("fix", "-j", "1", ".")
    assert r.exit_code == 0, r.output
    assert (project / "stack.yaml").read_text() == FIXED
    assert "Fixed 1 finding in 1 file" in r.stderr
    r = cli("fix", "--dry-run", "-j", "1", ".")
    assert r.exit_code == 0 and r.stdout == ""


def test_select_and_ignore(project):
    assert cli("check", "--select", "TOY002", "-j", "1", ".").exit_code == 0
    assert cli("check", "--ignore", "toy-retention", "-j", "1", ".").exit_code == 0
    r = cli("check", "--select", "nope", ".")
    assert r.exit_code == 2 and "unknown codemod 'nope'" in r.stderr


def test_config_file_and_unknown_keys(project):
    (project / ".iacfix.toml").write_text('[toy-retention]\nvalue = 30\n')
    r = cli("fix", "--dry-run", "-j", "1", ".")
    assert "+      Retention: 30" in r.stdout
    (project / ".iacfix.toml").write_text('[toy-retention]\nvalu = 30\n')
    r = cli("check", ".")
    assert r.exit_code == 2
    assert "toy-retention.valu: unknown parameter; valid: value" in r.stderr
    (project / ".iacfix.toml").write_text('selct = ["x"]\n')
    r = cli("check", ".")
    assert r.exit_code == 2 and "selct: unknown key; valid: " in r.stderr


def test_pyproject_config_found_upward(project):
    (project / "pyproject.toml").write_text('[tool.iacfix]\nignore = ["TOY001"]\n')
    (project / "sub").mkdir()
    (project / "sub" / "s.yaml").write_text(TEMPLATE)
    assert cli("check", "-j", "1", "sub").exit_code == 0


def test_bad_files_get_one_line_and_others_still_processed(project):
    (project / "bad.yaml").write_text("AWSTemplateFormatVersion: x\nResources: {\n")
    (project / "bin.yaml").write_bytes(b"\x00\x01Resources")
    (project / "latin.yaml").write_bytes("AWSTemplateFormatVersion: caf\xe9\n".encode("latin-1"))
    r = cli("fix", "-j", "1", ".")
    err = r.stderr.splitlines()
    assert "bad.yaml:3: error: invalid YAML: expected the node content, but found '<stream end>'" in err
    assert "bin.yaml: error: binary file (contains NUL bytes)" in err
    assert "latin.yaml: error: not valid UTF-8 (byte 0xe9 at offset 29)" in err
    assert "Traceback" not in r.output
    assert (project / "stack.yaml").read_text() == FIXED  # the good file was still fixed
    assert (project / "bad.yaml").read_text().endswith("{\n")
    assert r.exit_code == 1


def test_failed_fix_is_reported_and_not_written(project):
    (project / "stack.yaml").write_text(TEMPLATE + "  BrokenQ:\n    Type: AWS::SQS::Queue\n    Properties: {A: 1}\n")
    r = cli("fix", "--select", "TOY002", "-j", "1", ".")
    assert "TOY002 could not fix: the fixed file does not parse" in r.stderr
    assert "[unclosed" not in (project / "stack.yaml").read_text()
    assert r.exit_code == 1


def test_read_only_file_is_reported_and_left_alone(project, monkeypatch):
    (project / "stack.yaml").chmod(0o444)
    if os.geteuid() == 0:  # root may write it; simulate what the OS says to anyone else
        import iacfix.patch as patch

        monkeypatch.setattr(patch, "_writable", lambda path: False)
    r = cli("fix", "-j", "1", ".")
    assert "stack.yaml: error: cannot write: permission denied" in r.stderr
    assert (project / "stack.yaml").read_text() == TEMPLATE
    assert r.exit_code == 1


def test_parallel_run_matches_sequential(project):
    for i in range(10):
        (project / f"s{i}.yaml").write_text(TEMPLATE)
    seq = cli("fix", "--dry-run", "-j", "1", ".").stdout
    par = cli("fix", "--dry-run", "-j", "2", ".").stdout
    assert seq == par and seq.count("+++ b/") == 11


def test_rules_lists_catalog():
    r = cli("rules", "--format", "json")
    assert [c["id"] for c in json.loads(r.stdout)] == ["TOY001", "TOY002", "TOY003", "TOY004"]


def test_console_script_runs(project):
    r = subprocess.run([sys.executable, "-m", "iacfix.cli", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "iacfix" in r.stdout


def test_bare_path_checks_and_never_writes(project):
    r = CliRunner().invoke(main, ["."])
    assert r.exit_code == 1 and "TOY001 toy-retention" in r.output
    assert (project / "stack.yaml").read_text() == TEMPLATE


def test_progress_only_on_a_terminal_and_never_in_ci(capsys, monkeypatch):
    import io
    import shutil

    from iacfix.runner import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    term = Terminal()
    monkeypatch.setattr("sys.stderr", term)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: os.terminal_size((40, 24)))
    monkeypatch.delenv("CI", raising=False)  # the bar reads CI when made: CI machines set it
    bar = Progress(3)  # a terminal, not CI
    names = ("a.tf", "b.tf", "modules/networking/very/long/path/to/c.tf")
    for name in names:
        bar.step(name)
    bar.close()
    err = term.getvalue().replace("\033[?25l", "").replace("\033[?25h", "")  # cursor hidden, shown again
    assert "3/3" in err and "c.tf" in err and err.endswith("\r")
    drawn = [ln for ln in err.split("\r") if ln.strip()]
    assert drawn and all(len(ln) <= 40 for ln in drawn), drawn  # the terminal's width, not more
    monkeypatch.setattr("sys.stderr", io.StringIO())
    monkeypatch.setenv("CI", "true")
    quiet = Progress(3)  # CI is set (and stderr is not a terminal)
    quiet.step("a.tf")
    quiet.close()
    assert sys.stderr.getvalue() == ""


def test_a_named_file_that_is_not_iac_gets_a_note_when_nothing_named_is_iac(project):
    (project / "setup.py").write_text("print('hello')\n")
    (project / "stack.yaml").write_text(FIXED)
    r = cli("check", "-j", "1", "setup.py", "README.md")
    assert r.exit_code == 0, r.output
    notes = [ln for ln in r.stderr.splitlines() if "note: skipped" in ln]
    assert notes == [
        "setup.py: note: skipped: not a CloudFormation template, Terraform file, or CDK/Pulumi program",
        "README.md: note: skipped: not a CloudFormation template, Terraform file, or CDK/Pulumi program",
    ]
    # pre-commit names every changed file: with an IaC file among them, no note for the others
    r = cli("check", "-j", "1", "setup.py", "stack.yaml", "README.md")
    assert r.exit_code == 0 and "note: skipped" not in r.stderr, r.stderr
    r = cli("check", "-j", "1", ".")  # found by walking a directory: no note
    assert "note: skipped" not in r.stderr


V1 = "from aws_cdk import core, aws_sqs as sqs\n\n\nclass S(core.Stack):\n    def f(self):\n        sqs.Queue(self, 'Q')\n"


def test_cdk_v1_files_are_said_to_be_unchecked_in_one_line(project):
    """A tree of CDK v1 apps would otherwise read as clean ("No findings.")."""
    (project / "stack.yaml").unlink()
    for name in ("a.py", "b.py", "c.py"):
        (project / name).write_text(V1)
    r = cli("check", "-j", "1", ".")
    assert r.exit_code == 0, r.output
    notes = [ln for ln in r.stderr.splitlines() if "note:" in ln]
    assert notes == ["a.py: note: not checked: AWS CDK v1 code (aws_cdk.core); iacfix reads and writes "
                     "AWS CDK v2 (and 2 more such files)"], r.stderr


@pytest.mark.parametrize("stop, code", [(KeyboardInterrupt, 130), ("term", 143)])
def test_an_interrupted_fix_says_what_was_written_and_exits_as_a_shell_does(project, monkeypatch, stop, code):
    import signal

    import iacfix.patch as patch_module  # the CLI imports write_atomic from it when fix runs

    (project / "second.yaml").write_text((project / "stack.yaml").read_text())
    calls = []

    def write_then_stop(path, text, **kw):
        calls.append(path)
        if len(calls) == 2:
            if stop == "term":
                os.kill(os.getpid(), signal.SIGTERM)
            raise stop()
        path.write_text(text)

    monkeypatch.setattr(patch_module, "write_atomic", write_then_stop)
    r = cli("fix", "-j", "1", ".")
    assert r.exit_code == code
    assert "iacfix: interrupted; 1 file written, 1 not" in r.stderr
