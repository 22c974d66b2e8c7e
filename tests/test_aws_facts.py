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


@pytest.mark.parametrize("engine, version, family", [
    ("postgres", "15.4", "postgres15"),
    ("postgres", "16", "postgres16"),
    ("postgres", "9.6.24", "postgres9.6"),
    ("mysql", "8.0.35", "mysql8.0"),
    ("mysql", "5.7.44", "mysql5.7"),
    ("mariadb", "10.6.14", "mariadb10.6"),
    ("MariaDB", "10.11", "mariadb10.11"),
    ("aurora-postgresql", "15.4", "aurora-postgresql15"),
    ("aurora-mysql", "8.0.mysql_aurora.3.05.2", "aurora-mysql8.0"),
    ("aurora-mysql", "5.7.mysql_aurora.2.11.2", "aurora-mysql5.7"),
    ("oracle-ee", "19.0.0.0.ru-2024-01.rur-2024-01.r1", "oracle-ee-19"),
    ("sqlserver-se", "15.00.4345.5.v1", "sqlserver-se-15.0"),
    # a version that does not say the family, an engine iacfix does not know: no guess
    ("mysql", "8", None),
    ("postgres", "", None),
    ("postgres", "latest", None),
    ("aurora", "5.6.10a", None),
    ("db2-se", "11.5.9.0.sb00000000.r1", None),
])
def test_rds_parameter_group_family(engine, version, family):
    from iacfix.codemods.common.aws import rds_parameter_group_family
    assert rds_parameter_group_family(engine, version) == family


@pytest.mark.parametrize("engine, version, family", [
    ("redis", "7.1", "redis7"),
    ("redis", "7.0", "redis7"),
    ("redis", "6.2", "redis6.x"),
    ("redis", "6.x", "redis6.x"),
    ("redis", "5.0.6", "redis5.0"),
    ("redis", "3.2.10", "redis3.2"),
    ("valkey", "7.2", "valkey7"),
    ("valkey", "8.0", "valkey8"),
    ("memcached", "1.6.22", "memcached1.6"),
    ("memcached", "1.5.16", "memcached1.5"),
    ("redis", "8.0", None),
    ("redis", "5", None),
    ("memcached", "1.7", None),
])
def test_elasticache_parameter_group_family(engine, version, family):
    from iacfix.codemods.common.aws import elasticache_parameter_group_family
    assert elasticache_parameter_group_family(engine, version) == family
