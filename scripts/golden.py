#!/usr/bin/env python3
"""Write the expected files of golden cases from the current code, for review.

    python scripts/golden.py golden/api-throttling/cloudformation/gap   # one case
    python scripts/golden.py golden/*/terraform/*                        # several

There is deliberately no "every case" switch: regenerating cases you did not
just work on replaces reviewed expectations with whatever the code does now.

Prints the diff of each case it writes. Read every expected file line by line
before committing it: the golden tests are only as good as that reading.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from iacfix import golden  # noqa: E402


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    wanted = {Path(a).resolve() for a in argv}
    known = {c.dir.resolve() for c in golden.cases() + golden.module_cases()}
    for w in sorted(wanted - known):
        print(f"not a golden case folder: {w}", file=sys.stderr)
        return 2
    status = 0
    for case in golden.module_cases():
        if case.dir.resolve() not in wanted:
            continue
        try:
            texts, diff = golden.render_module(case)
        except AssertionError as e:
            print(f"NOT WRITTEN: {e}", file=sys.stderr)
            status = 1
            continue
        for rel, text in texts.items():
            out = case.expected / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(text.encode("utf-8"))
        if diff:
            case.expected_diff.write_bytes(diff.encode("utf-8"))
        elif case.expected_diff.exists():
            case.expected_diff.unlink()
        print(f"== {case.id}: {'changed' if diff else 'unchanged'}")
        sys.stdout.write(diff)
    for case in golden.cases():
        if case.dir.resolve() not in wanted:
            continue
        try:
            new, diff = golden.render(case)
        except AssertionError as e:
            print(f"NOT WRITTEN: {e}", file=sys.stderr)
            status = 1
            continue
        case.expected.write_bytes(new.encode("utf-8"))
        if diff:
            case.expected_diff.write_bytes(diff.encode("utf-8"))
        elif case.expected_diff.exists():
            case.expected_diff.unlink()
        print(f"== {case.id}: {'changed' if diff else 'unchanged'}")
        sys.stdout.write(diff)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
