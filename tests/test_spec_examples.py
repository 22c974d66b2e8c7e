"""Each codemod's examples (beside its spec, as Fixit keeps VALID/INVALID beside a
rule): an invalid example is found, fixed, and the fix verifies; a valid one is left
alone. Golden cases stay the byte-exact truth; these say what a spec means."""

from __future__ import annotations

import pytest

import iacfix.codemods as codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText

CASES = [
    pytest.param(cm, ex, id=f"{cm.slug}-{ex.language}-{'invalid' if ex.finds else 'valid'}-{i}")
    for cm in codemods.CATALOG
    for i, ex in enumerate(cm.examples)
]
PATHS = {"terraform": "main.tf", "cloudformation": "template.yaml", "cdk": "app.py", "pulumi": "__main__.py", "go": "stack.go"}


@pytest.mark.parametrize("cm,ex", CASES)
def test_example(cm, ex):
    assert ex.language in cm.languages, f"{cm.slug} has an example in {ex.language}, which it does not support"
    settings = Settings(codemods=[cm], fix=True, unsafe_fixes=True)
    res = process_source(SourceText.from_string(ex.code), ex.language, PATHS[ex.language], settings)
    assert res.error is None, res.error
    messages = [f.gap.message for f in res.findings]
    if not ex.finds:
        assert messages == []
        return
    assert messages, "the example should have a finding"
    assert not res.failed, [f.reason for f in res.failed]
    fixable = [f for f in res.findings if f.fixable]
    if fixable:
        assert res.new is not None and res.new != ex.code


def test_every_rule_based_codemod_has_examples():
    missing = [cm.slug for cm in codemods.CATALOG if cm.rules and not cm.examples]
    assert not missing
