"""Writes land where they must and lose nothing: links, concurrent edits, owners, extended
attributes, hard links, signals."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from iacfix.cli import main

KEY_TF = 'resource "aws_kms_key" "orders" {\n  description = "orders"\n}\n'


def fix(*args):
    return CliRunner().invoke(main, ["fix", "--select", "kms-key-alias", "-j", "1", *args])


def fixed(text: str) -> bool:
    return 'resource "aws_kms_alias"' in text


# -- a symbolic link named on the command line ----------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / ".git").mkdir(parents=True)  # the repository's root
    (work / "infra").mkdir()
    monkeypatch.chdir(work)
    return work


def test_a_named_link_inside_the_repository_is_written_through(project):
    (project / "infra" / "main.tf").write_text(KEY_TF)
    os.symlink("infra/main.tf", project / "link.tf")
    r = fix("link.tf")
    assert r.exit_code == 0, r.output
    assert os.path.islink(project / "link.tf") and os.readlink(project / "link.tf") == "infra/main.tf"
    assert fixed((project / "infra" / "main.tf").read_text())
    assert "Fixed 1 finding in 1 file" in r.stderr


def test_a_named_link_that_leads_outside_the_repository_is_refused(project, tmp_path):
    outside = tmp_path / "outside.tf"
    outside.write_text(KEY_TF)
    os.symlink(outside, project / "link.tf")
    for args in (["link.tf"], ["--dry-run", "link.tf"]):
        r = fix(*args)
        assert r.exit_code == 1, r.output  # a dry run too: a path it could not read is not a clean run
        assert r.stderr.splitlines()[0] == (
            f"link.tf: error: a symbolic link to {outside}, outside the repository {project}; not read or written")
        assert os.path.islink(project / "link.tf")
        assert outside.read_text() == KEY_TF
        assert r.stdout == ""


def test_a_named_file_under_a_directory_link_that_leads_outside_is_refused(project, tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "main.tf").write_text(KEY_TF)
    os.symlink(tmp_path / "shared", project / "modules")
    r = fix("modules/main.tf")
    assert r.exit_code == 1
    assert "modules/main.tf: error: a symbolic link to " in r.stderr
    assert (tmp_path / "shared" / "main.tf").read_text() == KEY_TF


def test_without_a_repository_the_tree_is_the_current_directory(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "main.tf").write_text(KEY_TF)
    os.symlink("a/main.tf", tmp_path / "link.tf")
    monkeypatch.chdir(tmp_path)
    r = fix("link.tf")
    assert r.exit_code == 0, r.output
    assert os.path.islink(tmp_path / "link.tf") and fixed((tmp_path / "a" / "main.tf").read_text())


# -- a write by someone else while iacfix writes ----------------------------------------------


def test_a_write_between_the_check_and_the_rename_is_not_overwritten(tmp_path, monkeypatch):
    """The temporary file is complete (fsync) when someone saves the file: iacfix looks again
    right before the rename and leaves the file alone."""
    (tmp_path / "main.tf").write_text(KEY_TF)
    monkeypatch.chdir(tmp_path)
    real_fsync = os.fsync

    def fsync_then_someone_saves(fd):
        real_fsync(fd)
        with open(tmp_path / "main.tf", "a") as fh:
            fh.write("# saved by an editor\n")

    monkeypatch.setattr(os, "fsync", fsync_then_someone_saves)
    r = fix("main.tf")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert (tmp_path / "main.tf").read_text() == KEY_TF + "# saved by an editor\n"
    assert "main.tf: error: file changed on disk while iacfix was running; not written" in r.stderr
    assert "Fixed 0 findings in 0 files; 1 fix not written; " in r.stderr  # not "Fixed 1 finding in 0 files"
    assert r.exit_code == 1
    assert [p.name for p in tmp_path.iterdir()] == ["main.tf"]  # no temporary file left


# -- what the file is besides its bytes -----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="only root can give a file away")
def test_root_keeps_the_owner_and_group(tmp_path, monkeypatch):
    f = tmp_path / "main.tf"
    f.write_text(KEY_TF)
    os.chown(f, 12345, 23456)
    f.chmod(0o640)
    monkeypatch.chdir(tmp_path)
    assert fix("main.tf").exit_code == 0
    st = f.stat()
    assert fixed(f.read_text())
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (12345, 23456, 0o640)


def test_extended_attributes_are_kept(tmp_path, monkeypatch):
    f = tmp_path / "main.tf"
    f.write_text(KEY_TF)
    if not hasattr(os, "setxattr"):
        pytest.skip("no extended attributes on this platform")
    try:
        os.setxattr(f, "user.iacfix.test", b"keep me")
    except OSError as e:
        pytest.skip(f"the file system has no user extended attributes: {e}")
    monkeypatch.chdir(tmp_path)
    assert fix("main.tf").exit_code == 0
    assert fixed(f.read_text())
    assert os.getxattr(f, "user.iacfix.test") == b"keep me"


def test_a_file_with_several_hard_links_is_written_in_place(tmp_path, monkeypatch):
    f = tmp_path / "main.tf"
    f.write_text(KEY_TF)
    os.link(f, tmp_path / "copy.tf")
    ino = f.stat().st_ino
    monkeypatch.chdir(tmp_path)
    assert fix("main.tf").exit_code == 0
    assert f.stat().st_ino == ino and f.stat().st_nlink == 2
    assert (tmp_path / "copy.tf").read_text() == f.read_text() and fixed(f.read_text())


def test_in_place_write_also_leaves_a_concurrent_write_alone(tmp_path, monkeypatch):
    from iacfix.patch import ChangedOnDisk, write_atomic

    f = tmp_path / "main.tf"
    f.write_text("old\n")
    os.link(f, tmp_path / "copy.tf")
    with pytest.raises(ChangedOnDisk):
        write_atomic(f, "new\n", expected_original=b"older\n")
    assert f.read_text() == "old\n"
    write_atomic(f, "new\n", expected_original=b"old\n")
    assert (tmp_path / "copy.tf").read_text() == "new\n"


# -- a signal while writing ----------------------------------------------------------------

KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from iacfix.patch import write_atomic

real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.SIGTERM)
os.fsync = fsync
write_atomic(Path(sys.argv[1]), "new\\n", expected_original=b"old\\n")
print("not reached")
"""


@pytest.mark.parametrize("links", [1, 2])
def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path, links):
    f = tmp_path / "main.tf"
    f.write_text("old\n")
    if links == 2:
        os.link(f, tmp_path / "copy.tf")
    proc = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, str(f)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == -15, proc.stderr  # still terminated by the signal, once the write is whole
    assert "not reached" not in proc.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["main.tf", "copy.tf"][:links])
    assert f.read_text() == "new\n"  # the write was finished, not torn


def test_attributes_that_cannot_be_read_make_the_write_in_place(tmp_path, monkeypatch):
    """Not copied, they would be lost with a rename: the file is rewritten in place instead."""
    from iacfix.patch import write_atomic

    if not hasattr(os, "listxattr"):
        pytest.skip("no extended attributes on this platform")
    f = tmp_path / "main.tf"
    f.write_text("old\n")
    ino = f.stat().st_ino

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "listxattr", denied)
    write_atomic(f, "new\n", expected_original=b"old\n")
    assert f.read_text() == "new\n" and f.stat().st_ino == ino
    assert [p.name for p in tmp_path.iterdir()] == ["main.tf"]
