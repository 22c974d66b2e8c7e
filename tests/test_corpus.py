"""Real-world input: every public template in ../shared/corpus.

In process: every file goes through fix with no crash, every changed file still
parses, and a second run changes nothing (iacfix.corpus). Through the CLI, on a
scratch copy: check prints a JSON list and exits 0 or 1; fix --dry-run prints a
patch that git apply accepts (read as bytes: CRLF templates get CRLF hunks); fix
writes exactly that; a second dry run prints nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iacfix import corpus
from iacfix.sources import SourceText, detect_language
from iacfix.transforms import parser_for

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


def test_corpus_has_no_crash_no_broken_output_no_second_change():
    stats = corpus.run([CORPUS])
    assert stats, "the corpus yielded no IaC file"
    assert sum(s.seen for s in stats.values()) > 100
    if (CORPUS / "cdk_go").is_dir():
        assert stats.get("go") and stats["go"].seen > 10, "the CDK Go stacks of the corpus are read"
    for lang, s in stats.items():
        assert s.crashes == [], lang
        assert s.broken == [], lang
        assert s.not_idempotent == [], lang


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_corpus_through_the_cli(tmp_path):
    work = tmp_path / "corpus"
    shutil.copytree(CORPUS, work, symlinks=True)
    for p in work.rglob("*"):
        os.chmod(p, 0o755 if p.is_dir() else 0o644)  # the shared copy is read-only
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    iacfix = [sys.executable, "-m", "iacfix.cli"]

    def run(*args):
        return subprocess.run([*iacfix, *args, "."], cwd=work, capture_output=True)

    r = run("check", "--format", "json")
    assert r.returncode in (0, 1) and b"Traceback" not in r.stderr
    assert isinstance(json.loads(r.stdout), list)

    dry = run("fix", "--dry-run")
    assert b"Traceback" not in dry.stderr
    assert dry.stdout, "the corpus has gaps iacfix fixes"
    p = subprocess.run(["git", "apply", "--check", "-"], cwd=work, input=dry.stdout, capture_output=True)
    assert p.returncode == 0, p.stderr.decode()[:500]

    before = {f: f.read_bytes() for f in work.rglob("*") if f.is_file() and ".git" not in f.parts}
    r = run("fix")
    assert b"Traceback" not in r.stderr
    changed = [f for f, b in before.items() if f.read_bytes() != b]
    assert len(changed) == dry.stdout.count(b"\n+++ b/") + dry.stdout.startswith(b"+++ b/")
    for f in changed:
        src = SourceText.from_string(f.read_bytes().decode("utf-8"))
        parser_for(detect_language(f, src.text))(src.text)  # raises if broken
    assert run("fix", "--dry-run").stdout == b""
