"""Run iacfix over a directory of real IaC and report, per language: files seen,
parsed, findings, files changed, fixes applied/failed, crashes (internal errors),
fixed files that no longer parse, and fixes that are not idempotent.

    .venv/bin/python -m iacfix.corpus ../shared/corpus [--json]

Exit status 1 when there is a crash, a broken output or a non-idempotent file.
Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Dict, List

import iacfix.codemods as codemods
from iacfix.engine import Settings, process_source
from iacfix.core import ParseError
from iacfix.sources import SourceError, SourceText, detect_language, discover, read_source
from iacfix.transforms import parser_for


@dataclass
class Stats:
    seen: int = 0
    parsed: int = 0
    parse_errors: int = 0
    findings: int = 0
    changed: int = 0
    fixes_applied: int = 0
    fixes_failed: int = 0
    crashes: List[str] = field(default_factory=list)
    broken: List[str] = field(default_factory=list)
    not_idempotent: List[str] = field(default_factory=list)
    failures: List[str] = field(default_factory=list)


def run(paths, unsafe: bool = False) -> Dict[str, Stats]:
    settings = Settings(codemods=codemods.CATALOG, fix=True, unsafe_fixes=unsafe)
    stats: Dict[str, Stats] = defaultdict(Stats)
    cands, _ = discover(paths)
    for c in cands:
        try:
            src = read_source(c.path)
        except SourceError:
            continue
        lang = detect_language(c.path, src.text)
        if lang is None:
            continue
        st = stats[lang]
        st.seen += 1
        try:
            res = process_source(src, lang, c.display, settings)
        except Exception as e:  # a crash is exactly what this run looks for
            st.crashes.append(f"{c.display}: {type(e).__name__}: {e}")
            continue
        if res.error:
            if res.error.startswith("internal error"):
                st.crashes.append(f"{c.display}: {res.error}")
            else:
                st.parse_errors += 1
            continue
        st.parsed += 1
        st.findings += len(res.findings)
        st.fixes_applied += len(res.fixed)
        st.fixes_failed += len(res.failed)
        st.failures += [f"{c.display}: {f.finding.rule} {f.finding.gap.resource_name}: {f.reason}" for f in res.failed]
        if not res.changed:
            continue
        st.changed += 1
        again = SourceText.from_string(res.new)
        try:
            parser_for(lang)(again.text)
        except ParseError as e:
            st.broken.append(f"{c.display}: {e.message}")
            continue
        second = process_source(again, lang, c.display, settings)
        if second.changed:
            st.not_idempotent.append(c.display)
    return dict(stats)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m iacfix.corpus", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--unsafe-fixes", action="store_true")
    a = ap.parse_args(argv)
    stats = run(a.paths, a.unsafe_fixes)
    bad = sum(len(s.crashes) + len(s.broken) + len(s.not_idempotent) for s in stats.values())
    if a.json:
        print(json.dumps({k: asdict(v) for k, v in stats.items()}, indent=2))
        return 1 if bad else 0
    print(f"{'language':<15}{'seen':>6}{'parsed':>8}{'errors':>8}{'findings':>10}{'changed':>9}{'fixed':>7}{'failed':>8}{'crash':>7}{'broken':>8}{'again':>7}")
    for lang, s in sorted(stats.items()):
        print(f"{lang:<15}{s.seen:>6}{s.parsed:>8}{s.parse_errors:>8}{s.findings:>10}{s.changed:>9}"
              f"{s.fixes_applied:>7}{s.fixes_failed:>8}{len(s.crashes):>7}{len(s.broken):>8}{len(s.not_idempotent):>7}")
    for lang, s in sorted(stats.items()):
        for kind, items in (("CRASH", s.crashes), ("BROKEN", s.broken), ("NOT IDEMPOTENT", s.not_idempotent),
                            ("could not fix", s.failures)):
            for it in items:
                print(f"{kind}: {it}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
