"""Checkov parity over a corpus: does each Checkov check a codemod names pass after iacfix's fix?

For every Terraform and CloudFormation file of a corpus (default ../shared/corpus), on a copy:
iacfix lists its findings (``check --format json``), fixes what it can safely (``fix``), and
Checkov then runs the checks the codemods name. Each fixable finding of a codemod that names
checks is paired with Checkov's verdict on the same file and resource after the fix:

- passed: Checkov passes the check on the fixed resource;
- failed: Checkov still fails it (listed: each one is a fix that is not what Checkov asks for,
  or a reason ``iacfix explain`` must state); "failed, as iacfix explain states" where the
  codemod's ``checkov_gaps`` says why for that language;
- not judged: Checkov does not evaluate that check on that resource (another resource type,
  a value from a variable it cannot resolve).

The tally counts each verdict by codemod and check.

    python scripts/checkov_parity.py [CORPUS] [--checkov PATH] [--json OUT]

Checkov defaults to the oracle venv (.venv-oracles/bin/checkov, see scripts/install-oracles.sh).
This is a measurement, not a test: it takes minutes and its numbers go into the notes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = {"terraform": "terraform", "cloudformation": "cloudformation"}


def iacfix(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("iacfix")  # the console script of this environment
    r = subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True)
    if r.returncode not in (0, 1, 2):  # 2: some file could not be read (said on stderr); the rest ran
        sys.exit(f"iacfix {' '.join(args)} exited {r.returncode}: {r.stderr.strip()[-500:]}")
    return r


def checkov(binary: str, folder: Path, framework: str, checks: list) -> dict:
    """(relative path, resource, check id) → "passed"/"failed"."""
    # (all checks: with --check, Checkov 3 evaluated no resource at all here)
    r = subprocess.run([binary, "-d", str(folder), "--framework", framework,
                        "-o", "json", "--compact", "--skip-download", "--soft-fail"],
                       capture_output=True, text=True)
    try:
        data = json.loads(r.stdout)
    except json.JSONDecodeError:
        sys.exit(f"checkov gave no JSON for {folder}: {r.stderr.strip()[-500:]}")
    reports = data if isinstance(data, list) else [data]
    out = {}
    for rep in reports:
        results = rep.get("results", {}) if isinstance(rep, dict) else {}
        for verdict, key in (("passed", "passed_checks"), ("failed", "failed_checks")):
            for c in results.get(key, []):
                path = c.get("file_path", "").lstrip("/")
                if c.get("check_id") in checks:
                    out[(path, c.get("resource", ""), c.get("check_id"))] = verdict
    return out


def run(corpus: Path, binary: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from iacfix import codemods

    by_slug = {c.slug: list(c.checkov) for c in codemods.select()}
    # a check that judges one finding of its codemod (storage encryption) is paired with that one
    detail_of = {(c.slug, cid): d for c in codemods.select() for cid, d in c.check_details.items()}
    stated = {(c.slug, cid, lang) for c in codemods.select() for cid, g in c.checkov_gaps.items() for lang in g}
    checks = sorted({i for ids in by_slug.values() for i in ids})
    summary = {}
    for sub, framework in FRAMEWORKS.items():
        src = corpus / sub
        if not src.is_dir():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / sub
            shutil.copytree(src, work, symlinks=True)
            found = iacfix("check", "--format", "json", ".", cwd=work)
            try:
                findings = json.loads(found.stdout or "[]")
            except json.JSONDecodeError:
                sys.exit(f"iacfix check gave no JSON: {found.stderr[-500:]}")
            iacfix("fix", ".", cwd=work)
            verdicts = checkov(binary, work, framework, checks)
        tally: Counter = Counter()
        failed = []
        for f in findings:
            ids = by_slug.get(f["slug"], [])
            if not ids or not f.get("fixable") or f.get("unsafe"):
                continue
            path = os.path.normpath(f["path"]).lstrip("./")
            resource = f"{f['resource_type']}.{f['resource_name']}"
            for cid in ids:
                if detail_of.get((f["slug"], cid), f.get("detail", f["slug"])) != f.get("detail", f["slug"]):
                    continue
                v = verdicts.get((path, resource, cid))
                if v == "failed" and (f["slug"], cid, sub) in stated:
                    v = "failed, as iacfix explain states"
                tally[(f["slug"], cid, v or "not judged")] += 1
                if v == "failed":
                    failed.append({"check": cid, "slug": f["slug"], "path": path, "resource": resource,
                                   "message": f["message"]})
        summary[sub] = {"tally": {f"{s} {c} {v}": n for (s, c, v), n in sorted(tally.items())}, "failed": failed}
    return summary


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--checkov", default=str(ROOT / ".venv-oracles" / "bin" / "checkov"))
    ap.add_argument("--json", dest="out", help="write the whole result as JSON here")
    a = ap.parse_args(argv)
    if not Path(a.checkov).exists():
        sys.exit(f"no checkov at {a.checkov}: run scripts/install-oracles.sh or pass --checkov")
    summary = run(Path(a.corpus), a.checkov)
    for sub, res in summary.items():
        print(f"== {sub}")
        for k, n in res["tally"].items():
            print(f"  {k}: {n}")
        for f in res["failed"]:
            print(f"  still failing: {f['check']} {f['path']} {f['resource']} ({f['slug']}: {f['message']})")
    if a.out:
        Path(a.out).write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
