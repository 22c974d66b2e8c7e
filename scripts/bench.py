#!/usr/bin/env python3
"""Throughput benchmark: how fast iacfix checks and fixes a directory of IaC.

    .venv/bin/python scripts/bench.py ../shared/corpus [--jobs N] [--repeat 3]
    .venv/bin/python scripts/bench.py --scaling [--base 25]
    .venv/bin/python scripts/bench.py --startup [--repeat 5]

Targets (2-core machine, the public corpus in ../shared/corpus):
  check  ≥ 40 files/s with --jobs 2
  fix --dry-run ≤ 2.5x the time of check
Prints files, bytes, seconds and files/s for each mode; exits 1 when a target is missed.

``--scaling``: one generated Terraform file and one CDK Python stack, each at 1x, 4x and
16x the same content (every resource with findings to fix), checked and fixed; prints
the growth exponent of each (time ~ size^k, from 1x to 16x) and fix over check at 16x.
Targets: k ≤ 1.3 for check and fix (cost grows about linearly with the file and the
number of findings).

``--startup``: wall time of fresh processes, best and median of --repeat: ``iacfix
--version``, and ``iacfix check`` of one small file per language (a golden ``gap`` input),
with the heavy modules each imported. Targets: --version ≤ 0.3 s, check of one .tf ≤ 0.6 s
(the CLI imports the engine when a command runs, and a language's parser and detectors
only when a file of it is met).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import iacfix.codemods as codemods  # noqa: E402
from iacfix.engine import Settings  # noqa: E402
from iacfix.runner import run_paths  # noqa: E402
from iacfix.sources import discover  # noqa: E402

CHECK_FILES_PER_SECOND = 40
FIX_OVER_CHECK = 2.5
GROWTH_EXPONENT = 1.3
VERSION_SECONDS = 0.3
CHECK_ONE_TF_SECONDS = 0.6

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


def measure(paths, fix, jobs, repeat):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        results, _ = run_paths(paths, Settings(codemods=codemods.CATALOG, fix=fix), jobs=jobs, progress=False)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best, results


def scaling(base: int) -> bool:
    import math
    import tempfile

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name, head, body, file in (("terraform", "", TERRAFORM, "main.tf"), ("cdk", CDK_HEAD, CDK, "app.py")):
            times = {}
            for factor in (1, 4, 16):
                d = Path(tmp) / f"{name}{factor}"
                d.mkdir()
                (d / file).write_text(head + "".join(body.format(i=i) for i in range(base * factor)))
                times[factor] = (measure([str(d)], False, 1, 1)[0], measure([str(d)], True, 1, 1)[0])
            k_check = math.log(times[16][0] / times[1][0], 16)
            k_fix = math.log(times[16][1] / times[1][1], 16)
            size = (Path(tmp) / f"{name}16" / file).stat().st_size
            print(f"{name:9} 1x/4x/16x check {' '.join(f'{times[f][0]:.2f}' for f in (1, 4, 16))} s "
                  f"(k={k_check:.2f}), fix {' '.join(f'{times[f][1]:.2f}' for f in (1, 4, 16))} s "
                  f"(k={k_fix:.2f}); at 16x ({size / 1e3:.0f} kB) fix = {times[16][1] / times[16][0]:.1f}x check")
            ok = ok and k_check <= GROWTH_EXPONENT and k_fix <= GROWTH_EXPONENT
    return ok


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scaling", action="store_true", help="growth of check and fix with the size of one file")
    ap.add_argument("--base", type=int, default=25, help="resources of each kind at 1x (--scaling)")
    ap.add_argument("--startup", action="store_true", help="start-up: --version and check of one small file")
    a = ap.parse_args()
    if a.startup:
        ok = startup(max(a.repeat, 5))
        print("targets met" if ok else "TARGET MISSED")
        return 0 if ok else 1
    if a.scaling:
        ok = scaling(a.base)
        print("targets met" if ok else "TARGET MISSED")
        return 0 if ok else 1
    if not a.paths:
        ap.error("give the paths to measure, or --scaling")
    cands, _ = discover(a.paths)
    size = sum(c.path.stat().st_size for c in cands)
    t_check, res = measure(a.paths, False, a.jobs, a.repeat)
    t_fix, _ = measure(a.paths, True, a.jobs, a.repeat)
    n = len(res)
    print(f"{len(cands)} candidate files ({size / 1e6:.2f} MB), {n} IaC files")
    print(f"check:         {t_check:6.2f} s  {n / t_check:7.1f} files/s  {size / 1e6 / t_check:5.2f} MB/s")
    print(f"fix --dry-run: {t_fix:6.2f} s  {n / t_fix:7.1f} files/s  ({t_fix / t_check:.2f}x check)")
    ok = n / t_check >= CHECK_FILES_PER_SECOND and t_fix / t_check <= FIX_OVER_CHECK
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
