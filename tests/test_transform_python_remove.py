"""The Python editor: removing an argument (remove_arg)."""

from __future__ import annotations

import pytest

from iacfix.core import apply_edits
from iacfix.transforms.python import parse


def remove(src, name="k"):
    doc = parse(src)
    call = doc.module.body[0].body[0].value
    arg = next(a for a in call.args if a.keyword is not None and a.keyword.value == name)
    out = apply_edits(src, doc.remove_arg(call, arg))
    parse(out)
    return out


@pytest.mark.parametrize(
    "src, want",
    [
        ("f(a=1, k=2, b=3)\n", "f(a=1, b=3)\n"),
        ("f(a=1, k=2)\n", "f(a=1)\n"),
        ("f(k=2, b=3)\n", "f(b=3)\n"),
        # one argument per line: its line goes, with the comment at its end
        ("f(\n    a=1,\n    k=2,  # c\n    b=3,\n)\n", "f(\n    a=1,\n    b=3,\n)\n"),
        # the last argument without a trailing comma takes the previous comma; comments above stay
        ("f(\n    a=1,\n    # about k\n    k=2\n)\n", "f(\n    a=1\n    # about k\n)\n"),
        # hanging arguments, paren after the last one: the paren moves up
        ("f(x, a=1,\n  k=2)  # end\n", "f(x, a=1)  # end\n"),
        # ... unless the previous line ends with a comment, which stays
        ("f(x, a=1,  # n\n  k=2)  # c\n", "f(x, a=1  # n\n  )  # c\n"),
        ("f(x,\n  k=2, b=3)\n", "f(x,\n  b=3)\n"),
    ],
)
def test_remove_arg(src, want):
    assert remove(src) == want


def test_rewrite_call_removes_neighbouring_arguments_one_after_the_other():
    from iacfix.transforms.python import kwarg, rewrite_call

    src = (
        "from aws_cdk import aws_rds as rds\n\n"
        "rds.DatabaseInstance(\n    self,\n    'Db',\n    enable_performance_insights=True,\n"
        "    performance_insight_retention=r,\n    performance_insight_encryption_key=k\n)\n"
    )
    doc = parse(src)
    (site,) = doc.calls("aws_cdk.aws_rds.DatabaseInstance")
    steps = [
        lambda d, s: d.replace_node(kwarg(s.call, "enable_performance_insights").value, "False"),
        lambda d, s: d.remove_arg(s.call, kwarg(s.call, "performance_insight_retention")),
        lambda d, s: d.remove_arg(s.call, kwarg(s.call, "performance_insight_encryption_key")),
    ]
    edits = rewrite_call(doc, site, steps)
    assert len(edits) == 1
    assert apply_edits(src, edits).endswith("    'Db',\n    enable_performance_insights=False\n)\n")
