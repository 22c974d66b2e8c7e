"""Hostile or unusual input: one clear line (or a correct result), never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from iacfix.cli import main


def run(*args):
    return CliRunner().invoke(main, [*args])


# -- YAML merge keys share a mapping like aliases do ---------------------------------------

MERGED = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  QueueA:
    Type: AWS::SQS::Queue
    Properties: &base
      VisibilityTimeout: 60
  # iacfix: ignore
  QueueB:
    Type: AWS::SQS::Queue
    Properties:
      <<: *base
      DelaySeconds: 5
"""


def test_a_mapping_merged_elsewhere_is_not_edited(tmp_path, monkeypatch):
    (tmp_path / "t.yaml").write_text(MERGED)
    monkeypatch.chdir(tmp_path)
    r = run("fix", "--select", "dead-letter-queue", "-j", "1", "t.yaml")
    assert (tmp_path / "t.yaml").read_text() == MERGED  # QueueB would have got QueueA's dead-letter queue
    assert "t.yaml:3:3: IAC002 could not fix: " in r.stderr and "merge key" in r.stderr
    assert r.exit_code == 1


def test_a_mapping_that_merges_another_is_not_edited(tmp_path, monkeypatch):
    """Its merged keys are invisible to the detectors: a fix could add a key the merge already sets."""
    text = MERGED.replace("  # iacfix: ignore\n", "").replace("  QueueA:\n", "  # iacfix: ignore\n  QueueA:\n")
    (tmp_path / "t.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    r = run("fix", "--select", "dead-letter-queue", "-j", "1", "t.yaml")
    assert (tmp_path / "t.yaml").read_text() == text
    assert "t.yaml:8:3: IAC002 could not fix: " in r.stderr and "merge key" in r.stderr


def test_a_merge_of_a_list_of_mappings_is_refused_too():
    from iacfix.core import FixError
    from iacfix.transforms import cloudformation as cfn

    doc = cfn.parse("a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\nd: {w: 4}\n")
    for key in ("a", "b", "c"):
        assert doc.shared(cfn.get(doc.root, key)), key
    assert not doc.shared(cfn.get(doc.root, "d"))


# -- clear messages ----------------------------------------------------------------------------

CDK_HEAD = "import aws_cdk as cdk\nfrom aws_cdk import aws_kms as kms\n\n"


@pytest.mark.parametrize("body,line,words", [
    ("x = 1\ndef f(:\n    pass\n", 5, "invalid syntax"),
    ("x = 1\ns = 'abc\ny = 2\n", 5, "unterminated string literal"),
    ("x = 1\nq = '''abc\ny = 2\n", 5, "unterminated triple-quoted string literal"),
    ("if x:\n    y = 2\n  z = 3\n", 6, "unindent does not match any outer indentation level"),
    ("x = 1\ny = 1 $ 2\n", 5, "invalid syntax"),
])
def test_a_python_syntax_error_is_reported_on_its_line(tmp_path, monkeypatch, body, line, words):
    (tmp_path / "app.py").write_text(CDK_HEAD + body)
    monkeypatch.chdir(tmp_path)
    r = run("check", "-j", "1", "app.py")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"app.py:{line}: error: invalid Python syntax: "), r.stderr
    assert words in r.stderr


@pytest.mark.parametrize("encoding,name", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                           ("utf-32", "UTF-32")])
def test_a_utf16_file_is_called_utf16_not_binary(tmp_path, monkeypatch, encoding, name):
    (tmp_path / "main.tf").write_bytes('resource "aws_kms_key" "k" {}\n'.encode(encoding))
    monkeypatch.chdir(tmp_path)
    r = run("check", "-j", "1", ".")
    assert r.exit_code == 1
    assert r.stderr == f"main.tf: error: the file is {name} encoded; iacfix reads UTF-8 (convert it, e.g. with iconv)\n"


PULUMI_CR = "import pulumi\rimport pulumi_aws as aws\r\rkey = aws.kms.Key(\"key\")\r"
CFN_CR = "AWSTemplateFormatVersion: '2010-09-09'\rResources:\r  Key:\r    Type: AWS::KMS::Key\r"


@pytest.mark.parametrize("name,text", [("app.py", PULUMI_CR), ("t.yaml", CFN_CR), ("t.yaml", CFN_CR[:-1]),
                                       ("main.tf", 'resource "aws_kms_key" "k" {\r  description = "k"\r}\r')])
def test_a_cr_only_file_is_handled_like_crlf(tmp_path, monkeypatch, name, text):
    (tmp_path / name).write_bytes(text.encode())
    monkeypatch.chdir(tmp_path)
    r = run("check", "-j", "1", "--select", "kms-key-alias", name)
    assert r.exit_code == 1 and f"{name}:" in r.stdout and "IAC004" in r.stdout, r.output
    d = run("fix", "--dry-run", "-j", "1", "--select", "kms-key-alias", name)
    assert d.exit_code == 1 and "error" not in d.stderr, d.output
    f = run("fix", "-j", "1", "--select", "kms-key-alias", name)
    assert f.exit_code == 0, f.output
    out = (tmp_path / name).read_bytes()
    assert b"\n" not in out and out.startswith(text.encode()[:20])
    assert run("check", "-j", "1", "--select", "kms-key-alias", name).exit_code == 0
    # the dry run's patch applies with git and gives the same file
    (tmp_path / name).write_bytes(text.encode())
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "p.diff").write_bytes(d.stdout_bytes)  # .stdout turns CRLF into LF
    subprocess.run(["git", "apply", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / name).read_bytes() == out


def test_lone_cr_mixed_with_lf_is_one_clear_line(tmp_path, monkeypatch):
    (tmp_path / "t.yaml").write_bytes(b"AWSTemplateFormatVersion: '2010-09-09'\nResources:\r  Key:\n    Type: AWS::KMS::Key\n")
    monkeypatch.chdir(tmp_path)
    r = run("fix", "-j", "1", "t.yaml")
    assert r.stderr.startswith("t.yaml: error: line endings mix CR-only (\\r) with LF; ")
    assert "internal error" not in r.output


# -- discovery: special files and unreadable directories -----------------------------------

KMS_TF = 'resource "aws_kms_key" "k" {\n  description = "k"\n}\n'


def cli_process(args, cwd, drop_privileges=False, timeout=60):
    """iacfix in its own process (a FIFO would block this one), optionally without the
    root powers that ignore permission bits."""
    cmd = [sys.executable, "-m", "iacfix.cli", *args]
    if drop_privileges and os.geteuid() == 0:
        import shutil

        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permission bits cannot be tested")
        caps = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", "--", *cmd]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_in_the_tree_is_one_line_and_does_not_block(tmp_path):
    (tmp_path / "good.tf").write_text(KMS_TF)
    os.mkfifo(tmp_path / "main.tf")
    p = cli_process(["check", "-j", "1", "--select", "kms-key-alias", "."], tmp_path)
    assert p.returncode == 1
    assert p.stderr == "main.tf: error: not a regular file (a FIFO); not read\n"
    assert "good.tf:1:1: IAC004" in p.stdout
    p = cli_process(["fix", "-j", "1", "--select", "kms-key-alias", "main.tf", "good.tf"], tmp_path)
    assert p.stderr.splitlines()[0] == "main.tf: error: not a regular file (a FIFO); not read"
    assert 'resource "aws_kms_alias"' in (tmp_path / "good.tf").read_text()


def test_an_unreadable_directory_is_one_line_and_the_rest_is_processed(tmp_path):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "main.tf").write_text(KMS_TF)
    for name in ("locked", "unlisted"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(KMS_TF)
    (tmp_path / "locked").chmod(0)  # neither listed nor entered
    (tmp_path / "unlisted").chmod(0o100)  # entered, not listed
    try:
        p = cli_process(["check", "-j", "1", "--select", "kms-key-alias", "."], tmp_path, drop_privileges=True)
    finally:
        (tmp_path / "locked").chmod(0o755)
        (tmp_path / "unlisted").chmod(0o755)
    assert "internal error" not in p.stderr
    assert sorted(p.stderr.splitlines()) == [
        "locked: error: cannot read the directory: permission denied",
        "unlisted: error: cannot read the directory: permission denied",
    ]
    assert "ok/main.tf:1:1: IAC004" in p.stdout and p.returncode == 1


def test_an_unreadable_file_is_one_line(tmp_path):
    (tmp_path / "ok.tf").write_text(KMS_TF)
    (tmp_path / "secret.tf").write_text(KMS_TF)
    (tmp_path / "secret.tf").chmod(0)
    p = cli_process(["check", "-j", "1", "--select", "kms-key-alias", "."], tmp_path, drop_privileges=True)
    assert p.stderr == "secret.tf: error: permission denied\n"
    assert "ok.tf:1:1: IAC004" in p.stdout


# -- templates that used to be internal errors --------------------------------------------------

def test_a_yaml_directive_is_read(tmp_path, monkeypatch):
    text = "%YAML 1.2\n---\nAWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Key:\n    Type: AWS::KMS::Key\n"
    (tmp_path / "t.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    r = run("fix", "-j", "1", "--select", "kms-key-alias", "t.yaml")
    assert r.exit_code == 0, r.output
    out = (tmp_path / "t.yaml").read_text()
    assert out.startswith(text) and "AWS::KMS::Alias" in out


def test_a_tag_directive_is_read(tmp_path, monkeypatch):
    text = ("%TAG !e! tag:example.com,2000:\n---\nAWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
            "  Key:\n    Type: AWS::KMS::Key\n")
    (tmp_path / "t.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    r = run("check", "-j", "1", "--select", "kms-key-alias", "t.yaml")
    assert r.exit_code == 1 and "IAC004" in r.stdout and r.stderr == "", r.output


JSON_HEAD = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n'


@pytest.mark.parametrize("body,line,reason", [
    ('    "Q": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": ' + "9" * 5000 + '}}\n',
     4, "invalid template: a number of 5000 digits (at most 4300 can be read)"),
    ('    "Q": {"Type": "AWS::SQS::Queue"},\n    {"a": [1]}: 1\n', 5,
     "invalid template: a mapping key that is itself a mapping or a list"),
    ('    "Q": {"Type": "AWS::SQS::Queue"},\n    [[1]]: 1\n', 5,
     "invalid template: a mapping key that is itself a mapping or a list"),
])
def test_a_template_python_cannot_hold_is_one_clear_line(tmp_path, monkeypatch, body, line, reason):
    (tmp_path / "t.json").write_text(JSON_HEAD + body + "  }\n}\n")
    monkeypatch.chdir(tmp_path)
    for cmd in (["check"], ["fix", "--dry-run"], ["fix"]):
        r = run(*cmd, "-j", "1", "t.json")
        assert r.exit_code == 1  # a dry run too: a file it could not read is not a clean run
        assert r.stderr.splitlines()[0] == f"t.json:{line}: error: {reason}", r.stderr


def test_the_parser_refuses_lone_cr_itself():
    from iacfix.core import ParseError
    from iacfix.transforms import cloudformation as cfn

    with pytest.raises(ParseError) as e:
        cfn.parse("AWSTemplateFormatVersion: '2010-09-09'\rResources:\r  Key:\r    Type: AWS::KMS::Key\r")
    assert "CR" in e.value.message
