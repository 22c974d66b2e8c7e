"""Shared test setup: the hypothesis profile (tests/budget.py) and the run order.

The heaviest tests (whole stacks, composition in every order, the corpus, fuzzing) run
first, so that with pytest-xdist (`-n auto`, the README's command, handing out one test
at a time: ``--maxschedchunk 1`` unless given) every worker starts on one and the run
does not end with one long test on one worker while the others wait.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Every test runs iacfix afresh: a results cache shared across tests (and with the user's
# own runs) would hide what a test means to exercise. tests/test_cache.py turns it on.
os.environ["IACFIX_NO_CACHE"] = "1"

from tests import budget

for _name in ("quick", "ci"):
    settings.register_profile(_name, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                              derandomize=(_name == "quick"))
settings.load_profile(budget.PROFILE)

# What takes seconds to minutes per test (measured with --durations=60 on 2026-12-04: the
# Pulumi stacks, fuzzing, composition in every order, the corpus, whole stacks); the rest
# take milliseconds. Heavier first; within a weight, pytest's own order.
WEIGHTS = (
    (3, ("stacks/pulumi", "test_fuzz.py::", "test_corpus.py::")),
    (2, ("test_compose.py::", "stacks/cdk", "test_examples.py::")),
    (1, ("stacks/",)),
)


def weight(item) -> int:
    if "/oracles/" in item.nodeid or item.nodeid.startswith("oracles/"):
        return 0  # their module-scoped batches stay in one piece
    for w, marks in WEIGHTS:
        if any(m in item.nodeid for m in marks):
            return w
    return 0


def pytest_configure(config):
    # Set here, not in addopts: a venv made before pytest-xdist joined the test extra
    # would refuse the option.
    if getattr(config.option, "maxschedchunk", 0) is None:
        config.option.maxschedchunk = 1


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: -weight(item))  # stable
