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
