"""Engine runs that several tests assert on, computed once per test process.

The fix of a golden case's input is asserted on by test_golden (byte for byte) and by
both property tests of test_properties (the baseline their variants are compared with):
one run serves all three in a process (under xdist, in each worker that runs them).
"""

from __future__ import annotations

from typing import Dict

from iacfix import golden
from iacfix.core import FileResult

_FIXED: Dict[str, FileResult] = {}

# Parameters only the owner can choose, configured as a team would (the golden stacks'
# case.toml say the same): without them those codemods report and do not fix.
OWNER_PARAMS = {"api-throttling": {"rate_limit": 100, "burst_limit": 200}}


def fixed(case: golden.Case) -> FileResult:
    """``golden.run(case)``: the case's input fixed with the case's settings. The same
    object for every test that asks: tests read it, never change it."""
    if case.id not in _FIXED:
        _FIXED[case.id] = golden.run(case)
    return _FIXED[case.id]
