"""Facts about AWS are stated once (codemods/common/aws.py) and read by every language."""

from __future__ import annotations

import pathlib
import re

import pytest

from iacfix.codemods.common.aws import ASYNC_INVOKERS, invokes_asynchronously


@pytest.mark.parametrize("principal", ["sns.amazonaws.com", "scheduler.amazonaws.com",
                                       "lambda.alarms.cloudwatch.amazonaws.com", "s3.amazonaws.com.cn"])
def test_asynchronous_invokers(principal):
    assert invokes_asynchronously(principal)


@pytest.mark.parametrize("principal", ["apigateway.amazonaws.com", "sqs.amazonaws.com", "s3.amazonaws.com.evil",
                                       "xs3.amazonaws.com", None, 3])
def test_synchronous_or_unknown_principals(principal):
    assert not invokes_asynchronously(principal)


def test_no_language_keeps_its_own_list_of_asynchronous_invokers():
    root = pathlib.Path(__file__).resolve().parents[1] / "codemods"
    for f in root.rglob("*.py"):
        if f.name == "aws.py":
            continue
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"\bscheduler\.amazonaws\.com|\bses\|iot|\"ses\.amazonaws", text), f
    assert "scheduler" in ASYNC_INVOKERS
