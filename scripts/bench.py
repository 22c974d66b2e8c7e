#!/usr/bin/env python3
"""Throughput benchmark: how fast iacfix checks and fixes a directory of IaC.

    .venv/bin/python scripts/bench.py ../shared/corpus [--jobs N] [--repeat 3]

Targets (2-core machine, the public corpus in ../shared/corpus):
  check  ≥ 40 files/s with --jobs 2
  fix --dry-run ≤ 2.5x the time of check
Prints files, bytes, seconds and files/s for each mode; exits 1 when a target is missed.
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


def measure(paths, fix, jobs, repeat):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        results, _ = run_paths(paths, Settings(codemods=codemods.CATALOG, fix=fix), jobs=jobs, progress=False)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best, results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
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
