"""Unit tests of the declarative required-properties detectors for Pulumi Python
(codemods/common/pulumi_properties.py)."""

from __future__ import annotations

import textwrap

from iacfix.core import Context
from iacfix.codemods.common import pulumi as pc
from iacfix.codemods.common.pulumi_properties import (
    Code,
    Entry,
    Exactly,
    Explicit,
    Param,
    Struct,
    required,
)
from iacfix.core import apply_edits
from iacfix.transforms.python import parse

HEADER = "import pulumi\nimport pulumi_aws as aws\n\n"


def run(detector, code, **params):
    doc = parse(HEADER + textwrap.dedent(code), "pulumi")
    gaps = list(detector(doc, Context("pulumi", params)))
    return doc, gaps


def fixed(doc, gap) -> str:
    return apply_edits(doc.text, gap.fix())[len(HEADER):]


ROTATION = required("kms.Key", {"enable_key_rotation": Exactly(True, "key rotation")}, what="KMS key", detail="rot")


def test_exactly_missing_is_a_safe_fix():
    doc, [gap] = run(ROTATION, 'k = aws.kms.Key("k", description="d")\n')
    assert not gap.unsafe and gap.detail == "rot" and gap.resource_name == "k"
    assert gap.message == "KMS key 'k' has no key rotation"
    assert fixed(doc, gap) == 'k = aws.kms.Key("k", description="d", enable_key_rotation=True)\n'


def test_exactly_different_literal_is_unsafe_and_replaced():
    doc, [gap] = run(ROTATION, 'k = aws.kms.Key("k", enable_key_rotation=False)\n')
    assert gap.unsafe
    assert gap.message == "KMS key 'k' has key rotation disabled (enable_key_rotation=False)"
    assert fixed(doc, gap) == 'k = aws.kms.Key("k", enable_key_rotation=True)\n'


def test_exactly_unknown_value_or_splat_is_no_finding():
    assert run(ROTATION, 'k = aws.kms.Key("k", enable_key_rotation=rotate)\n')[1] == []
    assert run(ROTATION, 'k = aws.kms.Key("k", **settings)\n')[1] == []
    assert run(ROTATION, 'k = aws.kms.Key("k", args=make_args())\n')[1] == []
    assert run(ROTATION, 'k = aws.kms.Key("k", enable_key_rotation=True)\n')[1] == []


def test_exactly_accepts_the_alternatives_it_lists():
    det = required("ecs.Cluster", {"x": Exactly("enabled", also=("enhanced",))}, what="C", detail="")
    assert run(det, 'aws.ecs.Cluster("c", x="enhanced")\n')[1] == []
    assert run(det, 'aws.ecs.Cluster("c", x="disabled")\n')[1][0].unsafe


def test_args_form_gets_the_property():
    doc, [gap] = run(ROTATION, 'k = aws.kms.Key("k", args=aws.kms.KeyArgs(description="d"))\n')
    assert fixed(doc, gap) == 'k = aws.kms.Key("k", args=aws.kms.KeyArgs(description="d", enable_key_rotation=True))\n'


def test_when_hook_skips_a_resource():
    det = required("kms.Key", {"enable_key_rotation": Exactly(True)}, what="KMS key", detail="",
                   when=lambda doc, site, ctx: pc.kw_value(site, "customer_master_key_spec") is None)
    assert run(det, 'aws.kms.Key("k", customer_master_key_spec="RSA_2048")\n')[1] == []


LIMITS = required(
    "lambda_.Function",
    {"timeout": Explicit(Param("t"), "timeout"), "memory_size": Explicit(Param("m"), "memory size")},
    what="Lambda function",
    detail="limits",
)


def test_explicit_adds_params_all_at_once_in_one_gap():
    doc, gaps = run(LIMITS, 'f = aws.lambda_.Function(\n    "f",\n    runtime="python3.12",\n    tags=t,\n)\n', t=30, m=512)
    assert len(gaps) == 1
    assert gaps[0].message == "Lambda function 'f' has no timeout and memory size"
    assert fixed(doc, gaps[0]) == (
        'f = aws.lambda_.Function(\n    "f",\n    runtime="python3.12",\n    timeout=30,\n    memory_size=512,\n    tags=t,\n)\n'
    )


def test_explicit_any_value_is_compliant_and_empty_param_drops_the_requirement():
    assert run(LIMITS, 'aws.lambda_.Function("f", timeout=900, memory_size=size)\n', t=30, m=512)[1] == []
    _, [gap] = run(LIMITS, 'aws.lambda_.Function("f")\n', t=30, m="")
    assert gap.message == "Lambda function 'f' has no timeout"


def test_explicit_unsafe_values():
    det = required("cloudwatch.LogGroup", {"retention_in_days": Explicit(7, unsafe=(0,), off="keeps logs forever")},
                   what="Log group", detail="")
    doc, [gap] = run(det, 'aws.cloudwatch.LogGroup("g", retention_in_days=0)\n')
    assert gap.unsafe and gap.message == "Log group 'g' keeps logs forever (retention_in_days=0)"
    assert fixed(doc, gap) == 'aws.cloudwatch.LogGroup("g", retention_in_days=7)\n'


def test_canonical_order_puts_keywords_before_the_later_ones_and_dead_letter_config():
    doc, [gap] = run(LIMITS, 'aws.lambda_.Function(\n    "f",\n    reserved_concurrent_executions=5,\n'
                             '    dead_letter_config=d,\n    opts=o,\n)\n', t=30, m=512)
    assert fixed(doc, gap) == ('aws.lambda_.Function(\n    "f",\n    timeout=30,\n    memory_size=512,\n'
                               '    reserved_concurrent_executions=5,\n    dead_letter_config=d,\n    opts=o,\n)\n')


PITR = required(
    "dynamodb.Table",
    {"point_in_time_recovery": Struct("dynamodb.TablePointInTimeRecoveryArgs", {"enabled": Exactly(True)},
                                      label="point-in-time recovery")},
    what="DynamoDB table",
    detail="pitr",
)


def test_struct_missing_adds_the_args_class_as_the_file_names_it():
    doc, [gap] = run(PITR, 't = aws.dynamodb.Table("t")\n')
    assert fixed(doc, gap) == (  # too long for one line: laid out black style
        't = aws.dynamodb.Table(\n    "t",\n'
        '    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),\n)\n'
    )
    src = 'from pulumi_aws import dynamodb\nt = dynamodb.Table("t")\n'
    doc = parse(src, "pulumi")
    [gap] = PITR(doc, Context("pulumi", {}))
    assert "dynamodb.TablePointInTimeRecoveryArgs(enabled=True)" in apply_edits(src, gap.fix())


def test_struct_merges_into_args_and_dicts_in_their_key_style():
    doc, [gap] = run(PITR, 'aws.dynamodb.Table("t", point_in_time_recovery=PArgs(days=7))\n')
    assert "PArgs(days=7, enabled=True)" in fixed(doc, gap)
    doc, [gap] = run(PITR, "aws.dynamodb.Table('t', point_in_time_recovery={'recoveryPeriodInDays': 7})\n")
    assert "{'recoveryPeriodInDays': 7, 'enabled': True}" in fixed(doc, gap)
    doc, [gap] = run(PITR, 'aws.dynamodb.Table("t", point_in_time_recovery={"enabled": False})\n')
    assert gap.unsafe and '{"enabled": True}' in fixed(doc, gap)


def test_struct_unknown_value_is_no_finding():
    assert run(PITR, 'aws.dynamodb.Table("t", point_in_time_recovery=pitr)\n')[1] == []
    assert run(PITR, 'aws.dynamodb.Table("t", point_in_time_recovery={**shared})\n')[1] == []
    assert run(PITR, 'aws.dynamodb.Table("t", point_in_time_recovery={"enabled": flag})\n')[1] == []


def test_nested_merge_is_carried_into_a_call_laid_out_anew():
    det = required("dynamodb.Table", {
        "point_in_time_recovery": Struct("dynamodb.TablePointInTimeRecoveryArgs", {"enabled": Exactly(True)}),
        "deletion_protection_enabled": Explicit(True),
    }, what="T", detail="")
    doc, [gap] = run(det, 'aws.dynamodb.Table("a-table-with-a-long-name", hash_key="id", point_in_time_recovery={"recovery_period_in_days": 7})\n')
    assert fixed(doc, gap) == (
        'aws.dynamodb.Table(\n    "a-table-with-a-long-name",\n    hash_key="id",\n'
        '    point_in_time_recovery={"recovery_period_in_days": 7, "enabled": True},\n'
        '    deletion_protection_enabled=True,\n)\n'
    )


INSIGHTS = required(
    "ecs.Cluster",
    {"settings": Entry("ecs.ClusterSettingArgs", "name", "containerInsights", {"value": Exactly("enabled")},
                       label="Container Insights")},
    what="ECS cluster",
    detail="insights",
)


def test_entry_missing_list_and_missing_entry():
    doc, [gap] = run(INSIGHTS, 'c = aws.ecs.Cluster(\n    "c",\n)\n')
    assert gap.message == "ECS cluster 'c' has no Container Insights"
    assert fixed(doc, gap) == (
        'c = aws.ecs.Cluster(\n    "c",\n'
        '    settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")],\n)\n'
    )
    doc, [gap] = run(INSIGHTS, "c = aws.ecs.Cluster('c', settings=[{'name': 'other', 'value': 'x'}])\n")
    assert fixed(doc, gap) == (  # written like the other entries, the list opened when too long
        "c = aws.ecs.Cluster('c', settings=[\n    {'name': 'other', 'value': 'x'},\n"
        "    {'name': 'containerInsights', 'value': 'enabled'},\n])\n"
    )


def test_entry_present_is_checked():
    assert run(INSIGHTS, 'aws.ecs.Cluster("c", settings=[{"name": "containerInsights", "value": "enabled"}])\n')[1] == []
    doc, [gap] = run(INSIGHTS, 'aws.ecs.Cluster("c", settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="disabled")])\n')
    assert gap.unsafe and 'value="enabled"' in fixed(doc, gap)
    doc, [gap] = run(INSIGHTS, 'aws.ecs.Cluster("c", settings=[{"name": "containerInsights"}])\n')
    assert not gap.unsafe and '[{"name": "containerInsights", "value": "enabled"}]' in fixed(doc, gap)


def test_entry_unknown_list_or_key_is_no_finding():
    assert run(INSIGHTS, 'aws.ecs.Cluster("c", settings=shared)\n')[1] == []
    assert run(INSIGHTS, 'aws.ecs.Cluster("c", settings=[*shared])\n')[1] == []
    assert run(INSIGHTS, 'aws.ecs.Cluster("c", settings=[aws.ecs.ClusterSettingArgs(name=n, value="x")])\n')[1] == []


def test_code_values_and_list_params():
    det = required("sqs.Queue", {"kms_master_key_id": Explicit(Code(lambda doc, site, ctx: "key.id"))}, what="Q", detail="")
    doc, [gap] = run(det, 'aws.sqs.Queue("q")\n')
    assert fixed(doc, gap) == 'aws.sqs.Queue("q", kms_master_key_id=key.id)\n'
    none = required("sqs.Queue", {"kms_master_key_id": Explicit(Code(lambda doc, site, ctx: None))}, what="Q", detail="")
    assert run(none, 'aws.sqs.Queue("q")\n')[1] == []
    metrics = required("kinesis.Stream", {"shard_level_metrics": Explicit(Param("metrics"))}, what="S", detail="")
    doc, [gap] = run(metrics, "aws.kinesis.Stream('s')\n", metrics=["IncomingBytes"])
    assert fixed(doc, gap) == "aws.kinesis.Stream('s', shard_level_metrics=['IncomingBytes'])\n"


# --- additions for rds-protection / elasticache-encryption: minimum, when on Exactly, unsafe detectors,
# Code returning a literal

BACKUPS = required(
    "rds.Instance",
    {"backup_retention_period": Explicit(Param("days"), "backup retention", minimum=Param("days"), off="has short backups")},
    what="RDS instance",
    detail="b",
)


def test_explicit_minimum_reports_a_literal_below_it_as_unsafe():
    doc, [gap] = run(BACKUPS, 'aws.rds.Instance("db", backup_retention_period=1)\n', days=7)
    assert gap.unsafe and gap.message == "RDS instance 'db' has short backups (backup_retention_period=1)"
    assert fixed(doc, gap) == 'aws.rds.Instance("db", backup_retention_period=7)\n'
    assert run(BACKUPS, 'aws.rds.Instance("db", backup_retention_period=7)\n', days=7)[1] == []
    assert run(BACKUPS, 'aws.rds.Instance("db", backup_retention_period=35)\n', days=7)[1] == []
    assert run(BACKUPS, 'aws.rds.Instance("db", backup_retention_period=days)\n', days=7)[1] == []


def test_exactly_when_drops_the_requirement_for_a_resource():
    det = required(
        "elasticache.ReplicationGroup",
        {"multi_az_enabled": Exactly(True, "Multi-AZ",
                                     when=lambda doc, site, ctx: pc.literal(pc.kw_value(site, "num_cache_clusters")) == 2)},
        what="group", detail="")
    assert run(det, 'aws.elasticache.ReplicationGroup("g", num_cache_clusters=1)\n')[1] == []
    assert len(run(det, 'aws.elasticache.ReplicationGroup("g", num_cache_clusters=2)\n')[1]) == 1


def test_unsafe_detector_marks_missing_properties_unsafe():
    det = required("rds.Instance", {"storage_encrypted": Exactly(True, "storage encryption")},
                   what="RDS instance", detail="storage-encryption", unsafe=True)
    doc, [gap] = run(det, 'aws.rds.Instance("db", engine="mysql")\n')
    assert gap.unsafe and gap.message == "RDS instance 'db' has no storage encryption"
    assert fixed(doc, gap) == 'aws.rds.Instance("db", engine="mysql", storage_encrypted=True)\n'


def test_code_may_return_a_literal_written_in_the_file_style():
    det = required("rds.Instance", {"enabled_cloudwatch_logs_exports": Explicit(Code(
        lambda doc, site, ctx: ["error"] if pc.literal(pc.kw_value(site, "engine")) == "mysql" else None))},
        what="RDS instance", detail="")
    doc, [gap] = run(det, "aws.rds.Instance('db', engine='mysql')\n")
    assert fixed(doc, gap) == "aws.rds.Instance('db', engine='mysql', enabled_cloudwatch_logs_exports=['error'])\n"
    assert run(det, "aws.rds.Instance('db', engine='oracle-ee')\n")[1] == []
