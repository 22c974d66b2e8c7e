"""How many examples the property and fuzz tests try, per run profile.

``quick`` (the default: the README's test command on a developer's 2-core machine) tries
a bounded number, derandomized so that every run tries the same inputs; ``ci`` (set by
CI=true, as in .ci/run, or HYPOTHESIS_PROFILE=ci) tries the full number, with fresh
random inputs on each run where the test draws them so. tests/conftest.py loads the
hypothesis profile of the same name. IACFIX_FUZZ_EXAMPLES still overrides the fuzz
budget (tests/test_fuzz.py).
"""

from __future__ import annotations

import os

PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "quick")
if PROFILE not in ("quick", "ci"):
    raise RuntimeError(f"HYPOTHESIS_PROFILE={PROFILE!r}: use 'quick' or 'ci'")


def examples(ci: int, quick: int) -> int:
    """``ci`` examples in the ci profile, ``quick`` in the default one."""
    return ci if PROFILE == "ci" else quick


def derandomize() -> bool:
    """Quick runs try the same inputs every time: a failure there reproduces as is."""
    return PROFILE == "quick"
