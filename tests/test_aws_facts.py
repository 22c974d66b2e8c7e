"""Facts about AWS are stated once (codemods/common/aws.py) and read by every language."""

from __future__ import annotations

import pathlib
import re

import pytest

from iacfix.codemods.common.aws import ASYNC_INVOKERS, cdk_has_function_log_group, invokes_asynchronously


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


@pytest.mark.parametrize("text", [
    "aws-cdk-lib==2.100.0\nconstructs>=10\n",
    "aws-cdk-lib ~= 2.90.0\n",
    "aws-cdk-lib>=2.0,<2.110\n",
    "aws_cdk_lib==2.109.9  # pinned\n",
    "aws-cdk-lib==2.132.0\n",
    'install_requires=["aws-cdk-lib==2.80.0", "constructs"]\n',
    '[tool.poetry.dependencies]\naws-cdk-lib = "2.80.0"\n',
    "aws-cdk-lib==2.100.*\n",
])
def test_a_pinned_cdk_before_2_110_has_no_function_log_group(text):
    assert not cdk_has_function_log_group([text])


@pytest.mark.parametrize("text", [
    "", "constructs>=10\n", "aws-cdk-lib\n", "aws-cdk-lib>=2.0.0\n", "aws-cdk-lib==2.110.0\n",
    "aws-cdk-lib==2.132.1\n", "aws-cdk-lib~=2.100\n", "aws-cdk-lib>=2.50,<3\n",
    '[tool.poetry.dependencies]\naws-cdk-lib = "^2.80"\n', "aws-cdk-lib==2.170.0\n",
])
def test_unpinned_or_current_cdk_has_function_log_group(text):
    assert cdk_has_function_log_group({"requirements.txt": text})
