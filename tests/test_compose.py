"""Fixes compose: applying every codemod at once gives the same file as applying
them one at a time, in catalog order, in reverse order, and in shuffled orders (one in
the default run, two in CI: tests/budget.py), with the stack case's own settings: unsafe
fixes and parameters included.

One ordering rule: codemods whose fixes protect a resource from deletion run first in
the one-by-one orders. A protected resource is never replaced (the engine holds the
replacement back, in one run and in the next), while a replacement applied in an
earlier run is already done when the protection comes: that order is the user's.
And a codemod that watches the resources another creates (alarms, on the queues that
dead-letter-queue adds) runs after it: run before, it cannot see what is not there yet, and
the next run adds what it would have (all at once, the engine's passes do).
"""

from __future__ import annotations

import dataclasses
import random

import pytest

import iacfix.codemods as codemods
from iacfix import golden
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText

from tests import budget

CASES = [c for c in golden.cases() if c.slug == golden.STACKS]

# codemod → the codemods whose new resources it watches (see the module's docstring)
WATCHERS = {"alarms": ("dead-letter-queue",)}


def fix_with(text, language, chosen, base: Settings):
    settings = dataclasses.replace(base, codemods=chosen, fix=True)
    res = process_source(SourceText.from_string(text), language, "stack", settings)
    assert res.error is None and not res.failed, (res.error, [f.reason for f in res.failed])
    return res.new if res.new is not None else text


def base_params(cm, settings: Settings):
    return {**cm.defaults(), **settings.params.get(cm.slug, {})}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_all_at_once_equals_one_by_one_in_any_order(case):
    text = golden.read_text(case.input)
    base = case.settings()
    together = fix_with(text, case.language, list(codemods.CATALOG), base)
    orders = [list(codemods.CATALOG), list(reversed(codemods.CATALOG))]
    rng = random.Random(case.id)
    for _ in range(budget.examples(ci=2, quick=1)):  # shuffled orders
        order = list(codemods.CATALOG)
        rng.shuffle(order)
        orders.append(order)
    for order in orders:
        order = [c for c in order if c.retains(base_params(c, base))] + \
                [c for c in order if not c.retains(base_params(c, base))]
        for watcher, watched in WATCHERS.items():
            slugs = [c.slug for c in order]
            if watcher in slugs and any(w in slugs[slugs.index(watcher):] for w in watched):
                moved = order.pop(slugs.index(watcher))
                last = max(i for i, c in enumerate(order) if c.slug in watched)
                order.insert(last + 1, moved)
        t = text
        for cm in order:
            t = fix_with(t, case.language, [cm], base)
        assert t == together, "order: " + ", ".join(c.slug for c in order)


@pytest.mark.parametrize("case_id", ["alarms/pulumi/elasticache-memory", "rds-parameter-group/pulumi/gap"])
def test_the_parameter_groups_a_fix_makes_are_tagged_whichever_codemod_runs_first(case_id):
    """required-tags must see the parameter groups that elasticache-parameter-group and
    rds-parameter-group create (Pulumi listed the taggable classes by hand and left them
    out: run after them, required-tags left the new group untagged)."""
    case = next(c for c in golden.cases() if c.id == case_id)
    text, base = golden.read_text(case.input), case.settings()
    chosen = codemods.select(["required-tags", "elasticache-parameter-group", "rds-parameter-group"])
    together = fix_with(text, case.language, chosen, base)
    for order in (chosen, list(reversed(chosen))):
        t = text
        for c in order:
            t = fix_with(t, case.language, [c], base)
        assert t == together
