"""Bad input gets one clear line naming the file and the reason, no traceback, and
no file is changed; the other files are still processed."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from iacfix.cli import main

GOOD_TF = 'resource "aws_kms_key" "orders" {\n  description = "orders"\n}\n'

BAD = {
    "invalid.yaml": ("AWSTemplateFormatVersion: '2010-09-09'\nResources: {\n", "invalid.yaml:3: error: invalid YAML: "),
    "dupes.yaml": (
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SQS::Queue\n",
        'dupes.yaml:5: error: duplicate key "Q"',
    ),
    "jinja.yaml": (
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n{% for q in queues %}\n  {{ q }}:\n    Type: AWS::SQS::Queue\n{% endfor %}\n",
        "jinja.yaml:3: error: invalid YAML: ",
    ),
    "tabs.yaml": ("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n\tQ: {}\n", "tabs.yaml:3: error: invalid YAML: "),
    "broken.tf": ('resource "aws_sqs_queue" "q" {\n  name = \n', "broken.tf:"),
    "heredoc.tf": ('resource "aws_iam_policy" "p" {\n  policy = <<POLICY{\n"a": 1\n}\nPOLICY\n}\n', "heredoc.tf:"),
    "bad.py": ("from aws_cdk import aws_sqs as sqs\nclass S(:\n", "bad.py:"),
    "binary.tf": (b"\x00\x01\x02resource", "binary.tf: error: binary file (contains NUL bytes)"),
    "latin1.tf": ("# caf\xe9\n".encode("latin-1"), "latin1.tf: error: not valid UTF-8 (byte 0xe9 at offset 5)"),
}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name, (content, _) in BAD.items():
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode())
    (tmp_path / "good.tf").write_text(GOOD_TF)
    (tmp_path / "empty.tf").write_text("")
    (tmp_path / "empty.yaml").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(d):
    return {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}


@pytest.mark.parametrize("command", [["check"], ["fix", "--dry-run"], ["fix"]])
def test_each_bad_file_gets_one_line_and_the_rest_is_processed(tree, command):
    before = snapshot(tree)
    r = CliRunner().invoke(main, [*command, "-j", "1", "."])
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    err = r.stderr.splitlines()
    for name, (_, want) in BAD.items():
        lines = [ln for ln in err if ln.startswith(name + ":") and ": error: " in ln]
        assert len(lines) == 1, (name, err)
        assert lines[0].startswith(want), (lines[0], want)
    after = snapshot(tree)
    for name in BAD:
        assert after[name] == before[name], f"{name} was changed"
    assert after["empty.tf"] == b"" and after["empty.yaml"] == b""
    if command == ["fix"]:
        assert after["good.tf"] != before["good.tf"]  # the good file was still fixed
        assert b'resource "aws_kms_alias"' in after["good.tf"]
    else:
        assert after["good.tf"] == before["good.tf"]


def test_huge_file_is_refused_with_the_limit(tree):
    (tree / ".iacfix.toml").write_text("max-file-size = 1000\n")
    (tree / "huge.tf").write_text("# x\n" * 1000)
    r = CliRunner().invoke(main, ["check", "-j", "1", "huge.tf"])
    assert "huge.tf: error: file is too large (4000 bytes; the limit is 1000, see max-file-size)" in r.stderr


def test_symlink_loop_named_on_the_command_line(tree):
    os.symlink("loop.tf", tree / "loop.tf")
    r = CliRunner().invoke(main, ["check", "-j", "1", "loop.tf"])
    assert r.exit_code == 1
    assert r.stderr.strip() == "loop.tf: error: too many levels of symbolic links"


def test_file_changed_between_read_and_write_is_not_written(tree, monkeypatch):
    import iacfix.runner as runner  # the CLI imports run_paths from it when a command runs

    real = runner.run_paths

    def racing(*a, **kw):
        out = real(*a, **kw)
        (tree / "good.tf").write_text(GOOD_TF + "# edited meanwhile\n")
        return out

    monkeypatch.setattr(runner, "run_paths", racing)
    r = CliRunner().invoke(main, ["fix", "-j", "1", "good.tf"])
    assert "good.tf: error: file changed on disk while iacfix was running; not written" in r.stderr
    assert (tree / "good.tf").read_text() == GOOD_TF + "# edited meanwhile\n"
    assert r.exit_code == 1


def test_unknown_yaml_tags_load_and_survive_the_fix(tmp_path, monkeypatch):
    text = (
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Transform: AWS::LanguageExtensions\n"
        "Resources:\n"
        "  Key:\n"
        "    Type: AWS::KMS::Key\n"
        "    Properties:\n"
        "      Description: !Vendor::Describe [orders, key]\n"
        "      EnableKeyRotation: true\n"
    )
    (tmp_path / "t.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["fix", "--select", "kms-key-alias", "-j", "1", "t.yaml"])
    assert "error" not in r.stderr, r.stderr
    out = (tmp_path / "t.yaml").read_text()
    assert out.startswith(text) and "AWS::KMS::Alias" in out
    assert "      Description: !Vendor::Describe [orders, key]\n" in out
