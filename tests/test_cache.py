"""The results cache (iacfix/cache.py): a module seen before, with the same files, settings
and iacfix, is not processed again, and gives the same results; anything else is."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
import iacfix.runner as runner
from iacfix.cache import Cache, module_key
from iacfix.cli import main
from iacfix.engine import Settings

QUEUE = 'resource "aws_sqs_queue" "orders" {\n  name = "orders"\n}\n'
VARIABLES = 'variable "environment" {\n  type = string\n}\n'


@pytest.fixture
def counted(monkeypatch):
    """How many modules were really processed (not taken from the cache)."""
    calls = []
    real = runner.process_files

    def counting(files, settings):
        calls.append(sorted(f[1] for f in files))
        return real(files, settings)

    monkeypatch.setattr(runner, "process_files", counting)
    return calls


def run(paths, cache_dir, select=("sqs-encryption", "dead-letter-queue"), fix=False):
    settings = Settings(codemods=codemods.select(list(select)), fix=fix)
    results, errors = runner.run_paths([str(p) for p in paths], settings, jobs=1, progress=False,
                                       cache_dir=str(cache_dir))
    assert errors == []
    return results


def summary(results):
    return [(r.path, r.error, [f.to_json() for f in r.findings + r.fixed + r.remaining], r.new) for r in results]


def test_a_second_run_takes_every_module_from_the_cache_with_the_same_results(tmp_path, counted):
    tree = tmp_path / "infra"
    (tree / "a").mkdir(parents=True)
    (tree / "b").mkdir()
    (tree / "a" / "main.tf").write_text(QUEUE)
    (tree / "b" / "main.tf").write_text(QUEUE.replace("orders", "invoices"))
    cache = tmp_path / "cache"
    first = run([tree], cache, fix=True)
    assert len(counted) == 2
    second = run([tree], cache, fix=True)
    assert len(counted) == 2, "nothing was processed again"
    assert summary(second) == summary(first)
    assert all(r.changed and "sqs_managed_sse_enabled = true" in r.new for r in second)  # the fixed text too


def test_a_changed_file_a_changed_sibling_or_other_settings_are_processed_again(tmp_path, counted):
    mod = tmp_path / "mod"
    mod.mkdir()
    (mod / "main.tf").write_text(QUEUE)
    (mod / "variables.tf").write_text(VARIABLES)
    cache = tmp_path / "cache"
    run([mod], cache)
    assert len(counted) == 1  # one module: the directory
    run([mod], cache)
    assert len(counted) == 1
    (mod / "variables.tf").write_text(VARIABLES + "\n")  # the module is the unit: a sibling changed
    run([mod], cache)
    assert len(counted) == 2
    (mod / "main.tf").write_text(QUEUE.replace("orders", "payments"))
    results = run([mod], cache)
    assert len(counted) == 3
    assert any(f.gap.resource_name == "payments" for r in results for f in r.findings)
    run([mod], cache, select=("sqs-encryption",))  # another selection of codemods
    assert len(counted) == 4
    run([mod], cache, fix=True)  # fixing is not checking
    assert len(counted) == 5
    run([mod / "main.tf"], cache)  # named alone: its sibling is context, not a member
    assert len(counted) == 6


def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path, counted):
    (tmp_path / "main.tf").write_text(QUEUE)
    cache = tmp_path / "cache"
    first = run([tmp_path / "main.tf"], cache)
    entries = list(cache.rglob("*.pickle"))
    assert len(entries) == 1
    entries[0].write_bytes(b"not a pickle")
    again = run([tmp_path / "main.tf"], cache)
    assert len(counted) == 2 and summary(again) == summary(first)
    run([tmp_path / "main.tf"], cache)
    assert len(counted) == 2, "the damaged entry was written anew"


def test_what_went_wrong_is_not_kept(tmp_path, monkeypatch):
    from iacfix.core import FileResult

    (tmp_path / "main.tf").write_text(QUEUE)
    calls = []

    def failing(files, settings):
        calls.append(1)
        return [FileResult(path=files[0][1], error="internal error: KeyError: 'x' (...)")], []

    monkeypatch.setattr(runner, "process_files", failing)
    cache = tmp_path / "cache"
    run([tmp_path / "main.tf"], cache)
    run([tmp_path / "main.tf"], cache)
    assert len(calls) == 2
    assert not list(cache.rglob("*.pickle"))


def test_a_cache_directory_others_may_write_to_is_not_used(tmp_path, counted):
    (tmp_path / "main.tf").write_text(QUEUE)
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o777)
    assert not Cache(cache).usable
    run([tmp_path / "main.tf"], cache)
    run([tmp_path / "main.tf"], cache)
    assert len(counted) == 2 and not list(cache.rglob("*.pickle"))
    os.chmod(cache, 0o700)
    assert Cache(cache).usable


def test_the_key_reads_only_regular_files(tmp_path):
    (tmp_path / "main.tf").write_text(QUEUE)
    fifo = tmp_path / "other.tf"
    os.mkfifo(fifo)
    settings = Settings(codemods=codemods.select(["sqs-encryption"]))
    assert module_key([(tmp_path / "main.tf", "main.tf", True, True)], settings) is not None
    assert module_key([(fifo, "other.tf", True, True)], settings) is None  # never blocks on a FIFO
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_cli_caches_by_default_and_no_cache_and_clean_work(tmp_path, monkeypatch):
    monkeypatch.delenv("IACFIX_NO_CACHE", raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv("IACFIX_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    Path("main.tf").write_text(QUEUE)
    cli = CliRunner()
    r = cli.invoke(main, ["check", "--no-cache", "main.tf"])
    assert r.exit_code == 1 and "IAC" in r.output
    assert not list(cache.rglob("*.pickle")), "--no-cache writes no entry"
    first = cli.invoke(main, ["check", "main.tf"])
    assert len(list(cache.rglob("*.pickle"))) == 1
    second = cli.invoke(main, ["check", "main.tf"])
    assert (second.exit_code, second.output) == (first.exit_code, first.output)
    cli.invoke(main, ["fix", "--select", "sqs-encryption", "main.tf"])  # fixed from a cold entry
    assert "sqs_managed_sse_enabled = true" in Path("main.tf").read_text()
    Path("main.tf").write_text(QUEUE)
    fixed = cli.invoke(main, ["fix", "--select", "sqs-encryption", "main.tf"])  # from the cache: still written
    assert fixed.exit_code == 0, fixed.output
    assert "sqs_managed_sse_enabled = true" in Path("main.tf").read_text()
    r = cli.invoke(main, ["clean"])
    assert r.exit_code == 0 and "Removed" in r.output
    assert not list(cache.rglob("*.pickle"))
    monkeypatch.setenv("IACFIX_NO_CACHE", "1")
    cli.invoke(main, ["check", "main.tf"])
    assert not list(cache.rglob("*.pickle")), "IACFIX_NO_CACHE=1 turns it off"
