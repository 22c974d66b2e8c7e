"""Writes land where they must and lose nothing: links, concurrent edits, owners, extended
attributes, hard links, signals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
        assert r.exit_code == (0 if "--dry-run" in args else 1), r.output  # a dry run: 1 only for a diff
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
