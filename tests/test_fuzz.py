"""Fuzzing the parsers, detectors and editors of every language with mutated real input.

Each example takes a golden input (a whole stack where there is one) and breaks it the
way hostile or damaged files are broken: a span cut out or doubled, a line repeated,
hazard characters (brackets, quotes, colons, CR, tabs, form feed, NEL, U+2028, NUL)
dropped in, the end cut off. Checking and fixing it must never raise (an "internal
error" for the user), must finish in bounded time, and whatever fix it produces must
parse again. The budget is bounded (examples per language: 10 in CI, 3 in the default
run, tests/budget.py; derandomized so every run tries the same inputs); raise
IACFIX_FUZZ_EXAMPLES to search longer.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iacfix.codemods as codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText
from iacfix.transforms import parser_for

from iacfix.core import ParseError

from tests import budget

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
EXAMPLES = int(os.environ.get("IACFIX_FUZZ_EXAMPLES") or budget.examples(ci=10, quick=3))
# CPU seconds per example, check and fix together (CPU time of this process, its threads
# included: the engine runs in one; a busy machine or the other test workers of -n auto
# do not count, an endless loop does).
SECONDS = 20

SEEDS = {
    "terraform": ["stacks/terraform/*/input.tf", "lambda-tracing/terraform/gap/input.tf"],
    "cloudformation": ["stacks/cloudformation/*/input.yaml", "dead-letter-queue/cloudformation/json/input.json"],
    "cdk": ["stacks/cdk/*/input.py", "api-throttling/cdk/gap/input.py"],
    "pulumi": ["stacks/pulumi/*/input.py", "dead-letter-queue/pulumi/gap/input.py"],
}
HAZARDS = ["(", ")", "[", "]", "{", "}", '"', "'", ":", "\n", "\r", "\r\n", "\t", "\f", "\x85", "\u2028",
           "\x00", "#", "//", "${", "!Ref ", "- ", "  ", "\\", "<<EOF\n", "'''"]


def seeds(language):
    out = []
    for pattern in SEEDS[language]:
        out += sorted(GOLDEN.glob(pattern))[:2]
    assert out, f"no seed input for {language}"
    return [p.read_text(encoding="utf-8") for p in out]


@st.composite
def mutated(draw, texts):
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 80)))
        kind = draw(st.sampled_from(["cut", "double", "hazard", "truncate", "line"]))
        if kind == "cut":
            text = text[:i] + text[j:]
        elif kind == "double":
            text = text[:j] + text[i:j] + text[j:]
        elif kind == "hazard":
            text = text[:i] + draw(st.sampled_from(HAZARDS)) + text[i:]
        elif kind == "truncate":
            text = text[:i]
        else:
            lines = text.split("\n")
            k = draw(st.integers(0, max(0, len(lines) - 1)))
            lines.insert(k, lines[k] if lines else "")
            text = "\n".join(lines)
    return text


@pytest.mark.parametrize("language", sorted(SEEDS))
def test_mutated_input_never_raises_hangs_or_writes_what_does_not_parse(language):
    texts = seeds(language)
    catalog = codemods.select()
    parse = parser_for(language)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(mutated(texts))
    def one(text):
        src = SourceText.from_string(text)
        start = time.process_time()
        name = "input.tf" if language == "terraform" else "input.yaml" if language == "cloudformation" else "app.py"
        for fix in (False, True):
            res = process_source(src, language, name, Settings(codemods=catalog, fix=fix, unsafe_fixes=True))
            assert res.error is None or not res.error.startswith("internal error"), res.error
        assert time.process_time() - start < SECONDS, "took too long"
        if res.changed:
            try:
                parse(SourceText.from_string(res.new).text)
            except ParseError as e:  # a written file must parse
                pytest.fail(f"the fixed file does not parse: {e.message}")

    one()
