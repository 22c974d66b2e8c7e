#!/usr/bin/env python3
"""Throughput benchmark: how fast iacfix checks and fixes a directory of IaC.

    .venv/bin/python scripts/bench.py ../shared/corpus [--jobs N] [--repeat 3]
    .venv/bin/python scripts/bench.py --scaling [--base 200]
    .venv/bin/python scripts/bench.py --big [--megabytes 1]
    .venv/bin/python scripts/bench.py --startup [--repeat 5]

Targets (2-core machine, the public corpus in ../shared/corpus), measured in one run
and stated as ratios, so that a loaded machine moves both sides:
  check  >= 40 files/s with --jobs 2
  fix --dry-run <= 1.5x the time of check
  a warm re-run (``iacfix check DIR`` again, its results cached) <= 2 s
Prints files, bytes, seconds and files/s for each mode; exits 1 when a target is missed.
The warm re-run is timed in fresh processes of the console script, with a cache of their own.

``--scaling``: one generated Terraform file and one CDK Python stack, each with --base
and 4x --base resources (every one with findings to fix), checked and fixed once the
parsers are warm, in CPU time (best of three); prints the growth exponent of each (time ~ size^k, from 1x to 4x) and
fix over check at 4x. Target: k <= 1.1 for check and fix (the cost grows linearly with
the file and the number of findings).

``--big``: a generated CDK Python stack and Terraform file of --megabytes MB, checked
(and the Terraform file fixed), each in a fresh process: seconds and peak memory.

``--startup``: wall time of fresh processes, best and median of --repeat: ``iacfix
--version``, and ``iacfix check`` of one small file per language (a golden ``gap`` input),
with the heavy modules each imported. Targets: --version <= 0.3 s, check of one .tf <= 0.6 s
(the CLI imports the engine when a command runs, and a language's parser and detectors
only when a file of it is met).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import iacfix.codemods as codemods  # noqa: E402
from iacfix.engine import Settings  # noqa: E402
from iacfix.runner import run_paths  # noqa: E402
from iacfix.sources import discover  # noqa: E402

CHECK_FILES_PER_SECOND = 40
FIX_OVER_CHECK = 1.5
GROWTH_EXPONENT = 1.1
VERSION_SECONDS = 0.3
CHECK_ONE_TF_SECONDS = 0.6
WARM_SECONDS = 2.0

TERRAFORM = """resource "aws_sqs_queue" "q{i}" {{
  name = "q{i}"
}}

resource "aws_kms_key" "k{i}" {{
  description = "k{i}"
}}

resource "aws_cloudwatch_log_group" "g{i}" {{
  name = "g{i}"
}}

"""
CDK_HEAD = ("from aws_cdk import Stack, aws_kms as kms, aws_logs as logs, aws_sqs as sqs\n\n\n"
            "class Big(Stack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n")
CDK = ('        sqs.Queue(self, "Q{i}")\n        kms.Key(self, "K{i}")\n'
       '        logs.CfnLogGroup(self, "G{i}")\n')


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers, reaped
    when the pool shuts down): what iacfix spends, whatever else the machine runs."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(paths, fix, jobs, repeat, cpu=False):
    """Best of ``repeat`` runs: wall seconds (with ``cpu``: (wall, CPU seconds)), and the results."""
    best = best_cpu = None
    for _ in range(repeat):
        t, c = time.perf_counter(), cpu_seconds()
        results, _ = run_paths(paths, Settings(codemods=codemods.CATALOG, fix=fix), jobs=jobs, progress=False)
        dt, dc = time.perf_counter() - t, cpu_seconds() - c
        best = dt if best is None else min(best, dt)
        best_cpu = dc if best_cpu is None else min(best_cpu, dc)
    return ((best, best_cpu) if cpu else best), results


def generate(name: str, resources: int) -> Tuple[str, str]:
    """(file name, text) of a generated file of ``name`` ("terraform", "cdk") with
    ``resources`` resources (three kinds, each with findings to fix)."""
    head, body, file = {"terraform": ("", TERRAFORM, "main.tf"), "cdk": (CDK_HEAD, CDK, "app.py")}[name]
    return file, head + "".join(body.format(i=i) for i in range(max(1, resources // 3)))


def scaling(base: int) -> bool:
    import math
    import tempfile

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("terraform", "cdk"):
            warm = Path(tmp) / f"{name}-warm"
            warm.mkdir()
            file, text = generate(name, 3)
            (warm / file).write_text(text)
            measure([str(warm)], True, 1, 1)  # parsers loaded and grammars built before timing
            times, sizes = {}, {}
            for factor in (1, 4):
                d = Path(tmp) / f"{name}{factor}"
                d.mkdir()
                file, text = generate(name, base * factor)
                (d / file).write_text(text)
                sizes[factor] = len(text.encode())
                # CPU time, best of three: on a shared machine wall time moves with the others' load
                times[factor] = (measure([str(d)], False, 1, 3, cpu=True)[0][1],
                                 measure([str(d)], True, 1, 3, cpu=True)[0][1])
            grow = math.log(sizes[4] / sizes[1])
            k_check = math.log(times[4][0] / times[1][0]) / grow
            k_fix = math.log(times[4][1] / times[1][1]) / grow
            # A fix adds companions (dead-letter queues, alarms, aliases): the fixed file is
            # several times its input, and each pass reads the file as it grows. The check of
            # the fixed file says what a fix costs per byte it leaves.
            (_, _), results = measure([str(Path(tmp) / f"{name}4")], True, 1, 1, cpu=True)
            out = Path(tmp) / f"{name}-fixed"
            out.mkdir()
            fixed = results[0].new if results and results[0].new is not None else text
            (out / file).write_text(fixed)
            after = measure([str(out)], False, 1, 3, cpu=True)[0][1]
            print(f"{name:9} {base}/{base * 4} resources ({sizes[1] / 1e3:.0f}/{sizes[4] / 1e3:.0f} kB), CPU: "
                  f"check {times[1][0]:.2f}/{times[4][0]:.2f} s (k={k_check:.2f}), "
                  f"fix {times[1][1]:.2f}/{times[4][1]:.2f} s (k={k_fix:.2f}); "
                  f"at {base * 4} fix = {times[4][1] / times[4][0]:.1f}x check; the fixed file is "
                  f"{len(fixed.encode()) / sizes[4]:.1f}x its input, fix = {times[4][1] / after:.1f}x its check")
            ok = ok and k_check <= GROWTH_EXPONENT and k_fix <= GROWTH_EXPONENT
    return ok


def big(megabytes: float) -> bool:
    """A generated CDK stack and Terraform file of ``megabytes``: check (and fix the
    Terraform file) in fresh processes; seconds and peak memory. Reports, no target."""
    import subprocess
    import tempfile

    probe = ("import resource, sys, time\n"
             "import iacfix.codemods as codemods\n"
             "from iacfix.engine import Settings\n"
             "from iacfix.runner import run_paths\n"
             "t = time.perf_counter()\n"
             "run_paths([sys.argv[1]], Settings(codemods=codemods.CATALOG, fix=sys.argv[2] == 'fix'), jobs=1,"
             " progress=False)\n"
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n")
    with tempfile.TemporaryDirectory() as tmp:
        for name, modes in (("cdk", ("check",)), ("terraform", ("check", "fix"))):
            d = Path(tmp) / name
            d.mkdir()
            per_resource = len(generate(name, 3000)[1]) / 3000
            file, text = generate(name, int(megabytes * 1e6 / per_resource))
            (d / file).write_text(text)
            for mode in modes:
                r = subprocess.run([sys.executable, "-c", probe, str(d), mode], capture_output=True, text=True,
                                   cwd=str(Path(__file__).resolve().parent.parent))
                if r.returncode != 0:
                    print(f"{name} {mode}: failed: {r.stderr.strip().splitlines()[-1:]}")
                    continue
                seconds, mb = map(float, r.stdout.split())
                print(f"{name:9} {len(text.encode()) / 1e6:.2f} MB {mode:5}: {seconds:6.1f} s, peak {mb:.0f} MB")
    return True


def startup(repeat: int) -> bool:
    import os
    import shutil
    import statistics
    import subprocess
    import tempfile

    golden = Path(__file__).resolve().parent.parent / "golden"
    script = Path(sys.executable).parent / "iacfix"  # what a user runs: the console script
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "iacfix.cli"]
    heavy = ["libcst", "ruamel.yaml", "hcl2", "iacfix.engine", "iacfix.codemods", "iacfix.bot"]
    probe = ("import sys, runpy\nsys.argv = ['iacfix'] + sys.argv[1:]\ntry:\n"
             "    runpy.run_module('iacfix.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             f"sys.stderr.write('IMPORTED ' + ' '.join(m for m in {heavy!r} if m in sys.modules))\n")

    def timed(args, cwd):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([*cli, *args], cwd=cwd, capture_output=True)
            times.append(time.perf_counter() - t)
        r = subprocess.run([sys.executable, "-c", probe, *args], cwd=cwd, capture_output=True, text=True)
        imported = r.stderr.rsplit("IMPORTED ", 1)[-1].split() if "IMPORTED " in r.stderr else ["?"]
        return min(times), statistics.median(times), imported

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("--version", ["--version"], VERSION_SECONDS)]
        for language, case, target in (("terraform", "lambda-tracing/terraform/gap/input.tf", CHECK_ONE_TF_SECONDS),
                                       ("cloudformation", "lambda-tracing/cloudformation/gap/input.yaml", None),
                                       ("cdk", "lambda-tracing/cdk/gap/input.py", None),
                                       ("pulumi", "lambda-tracing/pulumi/gap/input.py", None)):
            d = Path(tmp) / language
            d.mkdir()
            shutil.copyfile(golden / case, d / os.path.basename(case))
            runs.append((f"check one {language} file", ["check", "-j", "1", str(d / os.path.basename(case))], target))
        for label, args, target in runs:
            best, median, imported = timed(args, tmp)
            verdict = "" if target is None else (" (target met)" if best <= target else f" (TARGET {target} s MISSED)")
            ok = ok and (target is None or best <= target)
            print(f"{label:30} best {best:.3f} s, median {median:.3f} s; imports {' '.join(imported) or 'none of them'}"
                  f"{verdict}")
    return ok


def cached_runs(paths, jobs: int, repeat: int) -> Tuple[float, float]:
    """Wall seconds of ``iacfix check PATHS`` filling an empty results cache, and the best
    of ``repeat`` runs after it (every module then comes from the cache)."""
    import os
    import subprocess
    import tempfile

    script = Path(sys.executable).parent / "iacfix"
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "iacfix.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "IACFIX_CACHE_DIR": tmp}
        env.pop("IACFIX_NO_CACHE", None)

        def once() -> float:
            t = time.perf_counter()
            subprocess.run([*cli, "check", "-j", str(jobs), *paths], env=env, capture_output=True)
            return time.perf_counter() - t

        cold = once()
        return cold, min(once() for _ in range(repeat))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scaling", action="store_true", help="growth of check and fix with the size of one file")
    ap.add_argument("--base", type=int, default=200, help="resources at 1x (--scaling)")
    ap.add_argument("--big", action="store_true", help="check (and fix) of one generated file of --megabytes")
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--startup", action="store_true", help="start-up: --version and check of one small file")
    a = ap.parse_args()
    if a.startup:
        ok = startup(max(a.repeat, 5))
        print("targets met" if ok else "TARGET MISSED")
        return 0 if ok else 1
    if a.big:
        big(a.megabytes)
        return 0
    if a.scaling:
        ok = scaling(a.base)
        print("targets met" if ok else "TARGET MISSED")
        return 0 if ok else 1
    if not a.paths:
        ap.error("give the paths to measure, or --scaling")
    cands, _ = discover(a.paths)
    size = sum(c.path.stat().st_size for c in cands)
    t_check = t_fix = c_check = c_fix = float("inf")
    for _ in range(a.repeat):  # alternated: a change of load on the machine moves both
        (t, c), res = measure(a.paths, False, a.jobs, 1, cpu=True)
        t_check, c_check = min(t_check, t), min(c_check, c)
        (t, c), _ = measure(a.paths, True, a.jobs, 1, cpu=True)
        t_fix, c_fix = min(t_fix, t), min(c_fix, c)
    n = len(res)
    print(f"{len(cands)} candidate files ({size / 1e6:.2f} MB), {n} IaC files")
    print(f"check:         {t_check:6.2f} s  {n / t_check:7.1f} files/s  {size / 1e6 / t_check:5.2f} MB/s"
          f"  ({c_check:.2f} s CPU)")
    print(f"fix --dry-run: {t_fix:6.2f} s  {n / t_fix:7.1f} files/s  ({t_fix / t_check:.2f}x check)"
          f"  ({c_fix:.2f} s CPU: {c_fix / c_check:.2f}x check)")
    cold, warm = cached_runs(a.paths, a.jobs, a.repeat)
    print(f"check, cache:  {cold:6.2f} s filling it, {warm:.2f} s warm (target {WARM_SECONDS} s)")
    # the ratio in CPU time: on a shared machine the wall-time ratio moves with the others' load
    ok = n / t_check >= CHECK_FILES_PER_SECOND and c_fix / c_check <= FIX_OVER_CHECK and warm <= WARM_SECONDS
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
