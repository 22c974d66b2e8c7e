"""Property-based: formatting the language allows must not change what a fix does.

From each golden case that the fix changes, hypothesis derives variants of the
input with extra comment lines, extra blank lines and CRLF line endings at
places where the language allows them (before top-level statements, blocks or
resources), and (Terraform) with indentation twice as wide. For every variant
the fix must still apply and verify, and the lines it removes and adds must be
exactly those it removes and adds on the original input: nothing outside the
fixed node moves.

A second property covers quoting, indentation and argument layout
(tests/variants.py): Python blocks indented by 2 or 8, strings in the other quote
style, multi-line calls collapsed and one-line calls spread; YAML scalars quoted
and the template re-indented; Terraform ``=`` unaligned; Go ``Key:`` unaligned and
strings written raw. There the added
lines legitimately differ (they follow the variant's style), so the checks are:
the fix applies and verifies, the fixed variant means what the fixed original
means (same Python AST, same template data, same HCL data), it is a fixpoint,
and it removes no line that the variant shares with the original unless the fix
of the original removes that line too.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iacfix import golden

from tests import budget, shared
from tests import variants as fmt

# Every codemod × language has these; the other changed cases (merges, parameters,
# unsafe variants) add run time, not formatting coverage.
KINDS = {"gap", "formatting", "crlf", "json"}
CASES = [c for c in golden.cases() if c.expected_diff.exists() and (c.name in KINDS or c.slug == golden.STACKS)]

COMMENT = {"cdk": "#", "pulumi": "#", "cloudformation": "#", "terraform": "#"}


def anchors(language: str, lines: list) -> list:
    """Indexes of lines before which a comment or blank line is harmless."""
    out = []
    in_string = False
    for i, ln in enumerate(lines):
        if language in ("cdk", "pulumi"):
            if ln.count('"""') % 2 or ln.count("'''") % 2:
                in_string = not in_string
            if not in_string and re.match(r"(class |def |[A-Za-z_][\w.]* *=|@)", ln):
                out.append(i)
        elif language == "terraform":
            if re.match(r'(resource|data|variable|locals|provider|output|module|terraform)\b', ln):
                out.append(i)
        elif language == "cloudformation":
            if re.match(r"(  [A-Za-z0-9]+:\s*$|[A-Z][A-Za-z]+:)", ln):
                out.append(i)
    return out


def _can_reindent(case, text: str) -> bool:
    """Indentation width is free in HCL. (Doubling Python's would also double paren-aligned
    continuation lines: a change of argument layout, not just of width.)"""
    return case.language == "terraform" and "<<" not in text  # heredocs keep their indentation


def _double_indent(line: str) -> str:
    body = line.lstrip(" ")
    return " " * (2 * (len(line) - len(body))) + body


def changes(before: str, after: str) -> Counter:
    """The lines a fix removes and adds, compared without their indentation (a variant
    may indent twice as deep; the fix must then indent what it adds the same way)."""
    a = [ln.rstrip("\r\n").lstrip(" ") for ln in before.splitlines()]
    b = [ln.rstrip("\r\n").lstrip(" ") for ln in after.splitlines()]
    out = Counter()
    for ln in difflib.ndiff(a, b):
        if ln[:2] in ("- ", "+ "):
            out[ln[:2] + ln[2:]] += 1
    return out


@st.composite
def variants(draw, case):
    text = golden.read_text(case.input)
    if text.lstrip().startswith("{"):  # JSON allows no comments
        kinds = st.sampled_from(["blank"])
    else:
        kinds = st.sampled_from(["comment", "blank"])
    lines = text.splitlines(True)
    spots = anchors(case.language, lines)
    if not spots:
        return text, False
    picks = draw(st.lists(st.tuples(st.sampled_from(spots), kinds), max_size=4))
    for i, kind in sorted(set(picks), reverse=True):
        indent = re.match(r"[ \t]*", lines[i]).group(0)
        extra = f"{indent}{COMMENT[case.language]} reviewed by hypothesis\n" if kind == "comment" else "\n"
        lines.insert(i, extra)
    if _can_reindent(case, text) and draw(st.booleans()):
        lines = [_double_indent(ln) for ln in lines]
    crlf = draw(st.booleans())
    out = "".join(lines)
    if crlf and "\r\n" not in out:
        out = out.replace("\n", "\r\n")
    return out, crlf


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_formatting_does_not_change_the_fix(case):
    original = golden.read_text(case.input)
    base = shared.fixed(case)
    assert base.new is not None
    want = changes(original, base.new)

    @settings(max_examples=budget.examples(ci=6, quick=3), deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(variants(case))
    def check(variant):
        text, _ = variant
        res = golden.run(case, text=text)
        assert res.error is None, res.error
        assert not res.failed, [f.reason for f in res.failed]
        assert res.new is not None
        assert changes(text, res.new) == want
        assert golden.run(case, text=res.new).new is None  # still a fixpoint

    check()


def _python(text, rnd):
    if rnd.random() < 0.5:
        text = fmt.reindent_python(text, rnd)
    return fmt.relayout_python(fmt.requote_python(text, rnd), rnd)


def _yaml(text, rnd):
    if rnd.random() < 0.5:
        text = fmt.reindent_yaml(text, rnd)
    return fmt.requote_yaml(text, rnd)


PERTURB = {"cdk": _python, "pulumi": _python, "cloudformation": _yaml, "terraform": fmt.unalign_terraform,
           "go": fmt.unalign_go}
STYLE_CASES = [c for c in CASES if not golden.read_text(c.input).lstrip().startswith("{")]


def _lines(text: str) -> Counter:
    return Counter(ln.rstrip("\r\n").strip() for ln in text.splitlines())


def _removed(before: str, after: str) -> Counter:
    return _lines(before) - _lines(after)


@pytest.mark.parametrize("case", STYLE_CASES, ids=[c.id for c in STYLE_CASES])
def test_quoting_and_layout_do_not_change_the_fix(case):
    original = golden.read_text(case.input)
    base = shared.fixed(case)
    assert base.new is not None
    fixed_meaning = fmt.meaning(case.language, base.new)
    removed_by_fix = _removed(original, base.new)
    original_lines = _lines(original)

    @settings(max_examples=budget.examples(ci=4, quick=2), deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.randoms(use_true_random=False))
    def check(rnd):
        text = PERTURB[case.language](original, rnd)
        assert fmt.meaning(case.language, text) == fmt.meaning(case.language, original)
        res = golden.run(case, text=text)
        assert res.error is None, res.error
        assert not res.failed, [f.reason for f in res.failed]
        assert res.new is not None
        assert fmt.meaning(case.language, res.new) == fixed_meaning
        assert golden.run(case, text=res.new).new is None  # still a fixpoint
        # Lines the variant shares with the original stay, unless the original's fix removes them.
        untouched = (_lines(text) & original_lines) - removed_by_fix
        lost = untouched - _lines(res.new)
        assert not lost, f"the fix removed lines outside the fixed node: {sorted(lost)}"

    check()
