"""Deeply nested input and crashing workers: one line for the file, the others processed.

libcst's parser crashes the process (a segmentation fault, not an exception) on about
1,500 nested brackets or a 20,000-term expression, and its tree walkers ran out of
Python stack at 150 nested lists. The Python editor refuses what is nested past its
limit with a line saying so; the engine runs each module on a deep stack so that what
is under the limit is processed; and a worker process that dies anyway costs only its
own module.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from iacfix.core import FileResult, ParseError
from iacfix.runner import CRASHED, _pooled, _work
from iacfix.transforms.python import MAX_DEPTH, parse

QUEUE = 'from aws_cdk import aws_sqs as sqs\n\nsqs.Queue(self, "Q")\n'


def nested(kind: str, n: int) -> str:
    expr = {
        "parens": "(" * n + "1" + ")" * n,
        "lists": "[" * n + "]" * n,
        "sum": "+".join(["1"] * n),
    }[kind]
    return f"{QUEUE}x = {expr}\n"


def iacfix(*args, cwd):
    return subprocess.run([sys.executable, "-m", "iacfix.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("kind,n,words", [
    ("parens", 1500, "1500 levels of brackets (Python allows 200)"),
    ("sum", 20000, "levels deep (iacfix reads up to 500)"),
])
def test_too_deep_is_one_line_and_the_sibling_is_still_fixed(tmp_path, kind, n, words):
    # both crashed the whole process before: no output at all, exit 139
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "deep.py").write_text(nested(kind, n))
    (tmp_path / "app" / "ok.py").write_text(QUEUE)
    r = iacfix("check", "app", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "app/deep.py:4: error: nested too deeply: " in r.stderr
    assert words in r.stderr
    assert "app/ok.py:3:1: IAC013 sqs-encryption" in r.stdout  # the rest of the package is read


@pytest.mark.parametrize("kind,n", [("lists", 150), ("sum", 2000), ("parens", 190)])
def test_nesting_under_the_limit_is_processed(tmp_path, kind, n):
    # 150 nested lists ended in "file is nested too deeply to process" for the whole package
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "deep.py").write_text(nested(kind, n))
    r = iacfix("check", "--select", "sqs-encryption", "app", cwd=tmp_path)
    assert "error" not in r.stderr, r.stderr
    assert "app/deep.py:3:1: IAC013 sqs-encryption" in r.stdout


def test_the_gate_passes_ordinary_files_without_parsing_twice():
    # long but shallow: a statement of 6,000 characters, nesting 3 → looked at closely, passed
    text = QUEUE + "policy = {" + ", ".join(f'"k{i}": [1, 2]' for i in range(500)) + "}\n"
    assert parse(text).module.code == text


def test_the_depth_limit_is_the_one_stated():
    deep = "x = " + "-" * (MAX_DEPTH + 10) + "1\n" + "y = " + "+".join(["1"] * 3000) + "\n"
    with pytest.raises(ParseError) as e:
        parse(deep)
    assert "nested too deeply" in e.value.message


# -- a worker that dies ------------------------------------------------------------------

def crash_on_marked(args):
    files = args[0]
    if any(Path(f[0]).name == "crash.py" for f in files):
        os.kill(os.getpid(), signal.SIGSEGV)
    return _work(args)


def test_a_worker_that_dies_costs_its_own_module_only(tmp_path):
    from iacfix.engine import Settings
    import iacfix.codemods as codemods

    mods = []
    for name in ("a", "b", "c", "d"):
        d = tmp_path / name
        d.mkdir()
        f = d / ("crash.py" if name == "b" else "app.py")
        f.write_text(QUEUE)
        mods.append([(f, f"{name}/{f.name}", True, True)])
    ids = [cm.id for cm in codemods.select(["sqs-encryption"])]
    bare = Settings(codemods=[])
    taken = []
    _pooled(mods, (bare, ids, None), 2, lambda files, out: taken.append((files[0][1], out[0])), fn=crash_on_marked)
    got = {name: res for name, res in taken}
    assert sorted(got) == ["a/app.py", "b/crash.py", "c/app.py", "d/app.py"]
    assert [r.error for r in got["b/crash.py"]] == [CRASHED]
    for name in ("a/app.py", "c/app.py", "d/app.py"):
        (res,) = got[name]
        assert isinstance(res, FileResult) and res.error is None
        assert [f.slug for f in res.findings] == ["sqs-encryption"]


# -- SIGTERM while a pool works --------------------------------------------------------

def test_sigterm_stops_the_pool_workers_and_closes_the_pipe(tmp_path):
    # the workers inherited the main process's SIGTERM handler, survived the signal and
    # kept stdout open: `iacfix check | tee` never ended, and they worked on for minutes
    body = "".join(f'resource "aws_sqs_queue" "q{i}" {{\n  name = "q{i}"\n}}\n\n' for i in range(300))
    for m in range(24):
        (tmp_path / f"m{m}").mkdir()
        (tmp_path / f"m{m}" / "main.tf").write_text(body)
    proc = subprocess.Popen([sys.executable, "-m", "iacfix.cli", "check", "--jobs", "2", "."], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import time
    time.sleep(2.5)  # the pool is at work
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=20)  # every holder of the pipe is gone
    assert proc.returncode == 143, err
    assert err.strip().splitlines()[-1] == "iacfix: interrupted"
