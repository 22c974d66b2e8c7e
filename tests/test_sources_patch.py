import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import unidiff

from iacfix.patch import ChangedOnDisk, unified_diff, write_atomic
from iacfix.sources import SourceError, SourceText, detect_language, discover, read_source


def test_read_rejects_binary_non_utf8_and_huge(tmp_path):
    b = tmp_path / "b.yaml"
    b.write_bytes(b"Resources:\x00\x01")
    with pytest.raises(SourceError, match="binary"):
        read_source(b)
    n = tmp_path / "n.yaml"
    n.write_bytes("Resources: caf\xe9".encode("latin-1"))
    with pytest.raises(SourceError, match="not valid UTF-8"):
        read_source(n)
    h = tmp_path / "h.tf"
    h.write_text("#" * 100)
    with pytest.raises(SourceError, match="too large"):
        read_source(h, max_bytes=50)


def test_unreadable_file(tmp_path):
    d = tmp_path / "dir.tf"
    d.mkdir()
    with pytest.raises(SourceError, match="is a directory"):
        read_source(d)
    if os.geteuid() == 0:  # root reads any file: simulate what the OS says to others
        import iacfix.sources as sources

        def denied(*a, **k):
            raise PermissionError(13, "Permission denied")

        f = tmp_path / "x.tf"
        f.write_text("x = 1\n")
        orig = sources.open if hasattr(sources, "open") else None
        sources.open = denied
        try:
            with pytest.raises(SourceError, match="^permission denied$"):
                read_source(f)
        finally:
            if orig is None:
                del sources.open
            else:
                sources.open = orig
        return
    f = tmp_path / "x.tf"
    f.write_text("x = 1\n")
    f.chmod(0)
    with pytest.raises(SourceError, match="permission denied"):
        read_source(f)


def test_normalise_and_restore():
    for raw in ["a\r\nb\r\n", "\ufeffa\nb", "a\nb\r\n", "", "x"]:
        s = SourceText.from_string(raw)
        assert "\ufeff" not in s.text
        assert s.restore(s.text) == raw
    assert SourceText.from_string("a\r\nb\r\n").crlf
    assert not SourceText.from_string("a\nb\r\n").crlf  # mixed endings are left as they are


@pytest.mark.parametrize("name,text,lang", [
    ("a.tf", "", "terraform"),
    ("s.py", "from aws_cdk import aws_sqs as sqs\n", "cdk"),
    ("s.py", "import aws_cdk as cdk\n", "cdk"),
    ("p.py", "import pulumi_aws as aws\n", "pulumi"),
    ("p.py", "import os\n", None),
    ("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n", "cloudformation"),
    ("t.yml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "cloudformation"),
    ("t.json", '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', "cloudformation"),
    ("k.yaml", "apiVersion: v1\nkind: Pod\n", None),
    ("x.go", "package main\n", None),
])
def test_detect_language(name, text, lang):
    assert detect_language(Path(name), text) == lang


def test_discover_skips_vendor_dirs_and_symlinks(tmp_path):
    (tmp_path / "a.tf").write_text("")
    for d in ("node_modules", ".terraform", "cdk.out", ".git"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.tf").write_text("")
    venv = tmp_path / "myenv"
    venv.mkdir()
    (venv / "pyvenv.cfg").write_text("")
    (venv / "x.tf").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.tf").write_text("")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a loop: never followed
    (tmp_path / "outside.tf").symlink_to("/etc/hostname")
    cands, errors = discover([tmp_path])
    assert sorted(c.path.name for c in cands) == ["a.tf", "b.tf"]
    assert errors == []
    cands, errors = discover([tmp_path / "missing"])
    assert errors == [(str(tmp_path / "missing"), "no such file or directory")]


def _git_apply(tmp_path, name, old, diff):
    d = tmp_path / "r"
    d.mkdir(exist_ok=True)
    (d / name).write_bytes(old.encode())
    (d / "p.diff").write_bytes(diff.encode())
    r = subprocess.run(["git", "apply", "p.diff"], cwd=d, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return (d / name).read_bytes().decode()


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
@pytest.mark.parametrize("old,new", [
    ("a\nb\nc\n", "a\nb\nB\nc\n"),
    ("a\nb", "a\nb\nc"),            # no final newline on either side
    ("a\nb", "a\nX"),
    ("a\r\nb\r\n", "a\r\nx\r\nb\r\n"),  # CRLF
    ("\ufeffa\n", "\ufeffa\nb\n"),      # BOM
])
def test_diff_applies_with_git(tmp_path, old, new):
    diff = unified_diff(old, new, "dir/f.yaml")
    assert diff.startswith("--- a/dir/f.yaml\n+++ b/dir/f.yaml\n")
    assert len(unidiff.PatchSet(diff)) == 1
    (tmp_path / "r" / "dir").mkdir(parents=True)
    assert _git_apply(tmp_path, "dir/f.yaml", old, diff) == new


def test_no_diff_when_equal():
    assert unified_diff("a\n", "a\n", "f") == ""


def test_write_atomic_keeps_mode_and_detects_change(tmp_path):
    f = tmp_path / "t.tf"
    f.write_text("old\n")
    f.chmod(0o640)
    write_atomic(f, "new\n", expected_original=b"old\n")
    assert f.read_text() == "new\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    with pytest.raises(ChangedOnDisk):
        write_atomic(f, "newer\n", expected_original=b"old\n")
    assert f.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.tf"]  # no temp file left behind


@pytest.mark.parametrize("text,lang", [
    ("import pulumi, pulumi_aws as aws\n", "pulumi"),
    ("import os, aws_cdk as cdk\n", "cdk"),
    ("import pulumi_awsx\n", None),
    ("# from aws_cdk import x\n", None),
])
def test_detect_python_import_forms(text, lang):
    assert detect_language(Path("x.py"), text) == lang


def test_diff_of_a_long_file_shows_no_unchanged_line_as_changed():
    # 200+ lines with a frequent line: difflib's autojunk would treat "    tags=t," as
    # junk and show it removed and added again around the insertion.
    body = "".join(f"r{i} = R(\n    'r{i}',\n    tags=t,\n)\n\n" for i in range(60))
    new = body.replace("    'r30',\n    tags=t,\n", "    'r30',\n    size=1,\n    tags=t,\n")
    diff = unified_diff(body, new, "f.py")
    assert [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))] == ["+    size=1,"]
