#!/usr/bin/env python3
"""Throughput benchmark: how fast iacfix checks and fixes a directory of IaC.

    .venv/bin/python scripts/bench.py ../shared/corpus [--jobs N] [--repeat 3]
    .venv/bin/python scripts/bench.py --scaling [--base 25]

Targets (2-core machine, the public corpus in ../shared/corpus):
  check  ≥ 40 files/s with --jobs 2
  fix --dry-run ≤ 2.5x the time of check
Prints files, bytes, seconds and files/s for each mode; exits 1 when a target is missed.

``--scaling``: one generated Terraform file and one CDK Python stack, each at 1x, 4x and
16x the same content (every resource with findings to fix), checked and fixed; prints
the growth exponent of each (time ~ size^k, from 1x to 16x) and fix over check at 16x.
Targets: k ≤ 1.3 for check and fix (cost grows about linearly with the file and the
number of findings).
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scaling", action="store_true", help="growth of check and fix with the size of one file")
    ap.add_argument("--base", type=int, default=25, help="resources of each kind at 1x (--scaling)")
    a = ap.parse_args()
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
