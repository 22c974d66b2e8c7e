"""A fast start: the command line imports what a command needs, when it runs.

``iacfix --version`` and ``--help`` import no engine, no catalog and no parser; a run
imports the parsers and detectors of the languages it meets only (a Terraform file
never brings libcst or the YAML parser). The default number of parallel workers is
the number of CPUs this process may use, not the machine's count.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import iacfix.codemods as codemods
from iacfix import runner
from iacfix.core import LANGUAGES

GOLDEN = Path(__file__).resolve().parent.parent / "golden"

HEAVY = {
    # what each language's parser brings, and what only some commands need
    "libcst": "the Python parser (CDK, Pulumi)",
    "ruamel": "the YAML parser (CloudFormation)",
    "hcl2": "the Terraform parser",
    "iacfix.engine": "the engine",
    "iacfix.codemods": "the catalog",
    "iacfix.bot": "the pull-request bot",
    "http.client": "the GitHub client",
}


def imported_by(*args: str, cwd=None) -> set:
    """The top modules of HEAVY that ``iacfix ARGS`` imports, run in a fresh interpreter."""
    code = (
        "import sys\n"
        "from iacfix.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = %r\n"
        "sys.stderr.write('MODULES ' + __import__('json').dumps([n for n in names if n in sys.modules]))\n"
    ) % (sorted(HEAVY),)
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=120)
    line = [ln for ln in r.stderr.splitlines() if ln.startswith("MODULES ")]
    assert line, r.stderr[-2000:]
    return set(json.loads(line[-1][len("MODULES "):]))


def test_version_and_help_import_no_engine_catalog_or_parser():
    assert imported_by("--version") == set()
    # --help lists the commands: `pr` is imported for its one-line help, nothing else
    assert imported_by("--help") - {"iacfix.bot", "http.client", "iacfix.engine", "iacfix.codemods"} == set()


@pytest.mark.parametrize("language, case, absent", [
    ("terraform", "lambda-tracing/terraform/gap/input.tf", {"libcst", "ruamel", "iacfix.bot", "http.client"}),
    ("cloudformation", "lambda-tracing/cloudformation/gap/input.yaml", {"libcst", "hcl2", "iacfix.bot", "http.client"}),
    # Pulumi's adapter reads the Terraform names (pulumi_aws is generated from them), not the parser
    ("pulumi", "lambda-tracing/pulumi/gap/input.py", {"hcl2", "ruamel", "iacfix.bot", "http.client"}),
    ("cdk", "lambda-tracing/cdk/gap/input.py", {"hcl2", "ruamel", "iacfix.bot", "http.client"}),
])
def test_a_check_imports_the_parser_of_the_language_it_meets_only(tmp_path, language, case, absent):
    src = GOLDEN / case
    (tmp_path / src.name).write_bytes(src.read_bytes())
    got = imported_by("check", "-j", "1", src.name, cwd=tmp_path)
    assert {"iacfix.engine", "iacfix.codemods"} <= got  # it did run
    assert got & absent == set(), f"a {language} check imported {sorted(got & absent)}"


def test_the_pr_command_is_still_there():
    from click.testing import CliRunner

    from iacfix.cli import main

    r = CliRunner().invoke(main, ["pr", "--help"])
    assert r.exit_code == 0, r.output
    assert "--branch-prefix" in r.output
    r = CliRunner().invoke(main, ["--help"])
    assert " pr " in r.output and " check " in r.output


def test_every_catalog_codemod_has_a_detector_once_built():
    """The catalog lists the codemods that declare rules or hand-written detectors;
    built, each must have at least one language (else it would not be in it)."""
    for cm in codemods.CATALOG:
        assert cm.languages, f"{cm.slug} declares detectors but no language implements it"
        assert set(cm.languages) <= set(cm.detectors.declared)
        for lang in LANGUAGES:
            assert (cm.detectors.get(lang) is not None) == (lang in cm.languages)


# ---------------------------------------------------------------------- jobs


def _cgroup(tmp_path, v2=None, v1=None, path="/"):
    root = tmp_path / "cgroup"
    root.mkdir()
    lines = []
    if v2 is not None:
        d = root / path.lstrip("/")
        d.mkdir(parents=True, exist_ok=True)
        (d / "cpu.max").write_text(v2 + "\n")
        lines.append(f"0::{path}")
    if v1 is not None:
        d = root / "cpu,cpuacct" / path.lstrip("/")
        d.mkdir(parents=True, exist_ok=True)
        quota, period = v1
        (d / "cpu.cfs_quota_us").write_text(f"{quota}\n")
        (d / "cpu.cfs_period_us").write_text(f"{period}\n")
        lines.append(f"3:cpu,cpuacct:{path}")
    proc = tmp_path / "self-cgroup"
    proc.write_text("\n".join(lines) + "\n")
    return str(root), str(proc)


@pytest.fixture
def eight_cpus(monkeypatch):
    """A machine of 16 CPUs on which this process may run on 8."""
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 16)
    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    monkeypatch.delattr(runner.os, "process_cpu_count", raising=False)


def test_jobs_follow_the_cpu_affinity_not_the_machine(eight_cpus, tmp_path):
    root, proc = _cgroup(tmp_path)
    assert runner.available_cpus(root, proc) == 8


@pytest.mark.parametrize("cpu_max, want", [("150000 100000", 2), ("50000 100000", 1), ("200000 100000", 2),
                                           ("max 100000", 8), ("1600000 100000", 8)])
def test_jobs_follow_a_cgroup_v2_quota(eight_cpus, tmp_path, cpu_max, want):
    root, proc = _cgroup(tmp_path, v2=cpu_max, path="/ci/job")
    assert runner.available_cpus(root, proc) == want


@pytest.mark.parametrize("quota, want", [((300000, 100000), 3), ((-1, 100000), 8), ((25000, 100000), 1)])
def test_jobs_follow_a_cgroup_v1_quota(eight_cpus, tmp_path, quota, want):
    root, proc = _cgroup(tmp_path, v1=quota, path="/docker/abc")
    assert runner.available_cpus(root, proc) == want


def test_jobs_when_the_cgroup_files_are_unreadable(eight_cpus, tmp_path):
    assert runner.available_cpus(str(tmp_path / "none"), str(tmp_path / "none" / "cgroup")) == 8


def test_jobs_without_sched_getaffinity(monkeypatch, tmp_path):
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 4)
    monkeypatch.delattr(runner.os, "sched_getaffinity", raising=False)
    monkeypatch.delattr(runner.os, "process_cpu_count", raising=False)
    assert runner.available_cpus(str(tmp_path / "none"), str(tmp_path / "none")) == 4


def test_run_paths_defaults_to_the_cpus_it_may_use(monkeypatch, tmp_path):
    """One usable CPU: no process pool, whatever the machine's count."""
    for i in range(runner.PARALLEL_THRESHOLD + 1):
        d = tmp_path / f"m{i}"
        d.mkdir()
        (d / "main.tf").write_text('resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n')
    monkeypatch.setattr(runner.os, "cpu_count", lambda: 64)
    monkeypatch.setattr(runner, "available_cpus", lambda: 1)

    def no_pool(*a, **kw):
        raise AssertionError("a process pool on one usable CPU")

    monkeypatch.setattr(runner, "_pooled", no_pool)
    from iacfix.engine import Settings

    results, errors = runner.run_paths([str(tmp_path)], Settings(codemods=codemods.select(["sqs-encryption"])))
    assert errors == [] and len(results) == runner.PARALLEL_THRESHOLD + 1
    assert all(r.findings for r in results)

    used = []
    monkeypatch.setattr(runner, "available_cpus", lambda: 3)
    monkeypatch.setattr(runner, "_pooled", lambda mods, work, jobs, take: used.append(jobs))
    runner.run_paths([str(tmp_path)], Settings(codemods=codemods.select(["sqs-encryption"])))
    assert used == [3]


def test_the_cli_names_the_catalogs_severities():
    # the CLI spells them without importing the catalog (start-up): the same three, in order
    from iacfix import cli
    from iacfix.codemods.spec import SEVERITIES

    assert cli.SEVERITY_CHOICES == SEVERITIES
