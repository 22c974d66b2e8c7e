"""Every patch iacfix prints is one ``git apply`` accepts and that gives the fixed file:
odd line separators, CR-only files and file names git has to quote."""

from __future__ import annotations

import os
import subprocess

import pytest

from iacfix.patch import unified_diff

SEPARATORS = ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r"]


def git_apply(tmp_path, name: str, old: str, new: str) -> None:
    """Write ``old``, apply iacfix's patch with git, and check the result is ``new``."""
    d = tmp_path / "repo"
    d.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=d, check=True)
    (d / name).write_bytes(old.encode("utf-8"))
    patch = unified_diff(old, new, name)
    (tmp_path / "fix.patch").write_bytes(patch.encode("utf-8"))
    proc = subprocess.run(["git", "apply", "--check", "-v", str(tmp_path / "fix.patch")], cwd=d,
                          capture_output=True, text=True)
    assert proc.returncode == 0, (proc.stderr, patch)
    subprocess.run(["git", "apply", str(tmp_path / "fix.patch")], cwd=d, check=True)
    assert (d / name).read_bytes() == new.encode("utf-8")


@pytest.mark.parametrize("sep", SEPARATORS, ids=[f"U+{ord(c):04X}" for c in SEPARATORS])
def test_a_line_holding_what_python_calls_a_line_break(tmp_path, sep):
    old = f'resource "x" "y" {{\n  # a{sep}b\n  name = "n"\n}}\n'
    new = old.replace('  name = "n"\n', '  name = "n"\n  tags = {}\n')
    git_apply(tmp_path, "main.tf", old, new)


@pytest.mark.parametrize("last", ["\r", ""])
def test_a_cr_only_file(tmp_path, last):
    old = "a\rb\rc\rd\re\rf\rg" + last
    new = old.replace("d\r", "D\rDD\r")
    git_apply(tmp_path, "main.tf", old, new)


@pytest.mark.parametrize("name", ["na\tme.tf", "new\nline.tf", 'quo"te.tf', "back\\slash.tf", "caf\u00e9.tf",
                                  "caf\u00e9\t2.tf", "sp ace.tf"])
def test_file_names_git_quotes(tmp_path, name):
    old = "a\nb\nc\n"
    new = "a\nB\nc\n"
    try:
        git_apply(tmp_path, name, old, new)
    except OSError as e:  # a file system that refuses the name
        pytest.skip(str(e))


def test_quoting_is_git_s():
    assert unified_diff("a\n", "b\n", "na\tme.tf").splitlines()[:2] == ['--- "a/na\\tme.tf"', '+++ "b/na\\tme.tf"']
    assert unified_diff("a\n", "b\n", "caf\u00e9\n.tf").splitlines()[0] == '--- "a/caf\\303\\251\\n.tf"'
    assert unified_diff("a\n", "b\n", "plain.tf").splitlines()[0] == "--- a/plain.tf"


def test_the_anchored_matcher_of_large_files_rebuilds_the_new_text(monkeypatch):
    # a large pair is cut at lines found once in each before difflib matches the parts;
    # forced onto every pair here, its opcodes must still turn the old lines into the new
    import random

    import iacfix.patch as patch

    monkeypatch.setattr(patch, "SMALL", 0)
    rng = random.Random(3)
    for _ in range(1000):
        a = [rng.choice("abcdefgh}") for _ in range(rng.randint(0, 30))]
        b = list(a)
        for _ in range(rng.randint(0, 6)):
            k = rng.randint(0, len(b))
            if rng.random() < 0.5:
                b.insert(k, rng.choice("xyz}a"))
            elif b:
                b.pop(min(k, len(b) - 1))
        out = []
        for tag, i1, i2, j1, j2 in patch.LineMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                assert a[i1:i2] == b[j1:j2]
            out += a[i1:i2] if tag == "equal" else b[j1:j2]
        assert out == b
