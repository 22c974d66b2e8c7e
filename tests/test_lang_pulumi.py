"""Unit tests of the Pulumi adapter (codemods/lang/pulumi.py): neutral rules interpreted
in Pulumi Python (pulumi_aws)."""

from __future__ import annotations

import textwrap

import pytest

from iacfix.codemods.lang import pulumi
from iacfix.codemods.spec import (
    Absent, AtLeast, ByProp, Entry, Exactly, Explicit, Is, Known, Nested, Param, Rule, TheOnly,
)
from iacfix.core import Context, apply_edits
from iacfix.transforms.python import parse

HEADER = "import pulumi\nimport pulumi_aws as aws\n\n"


def detect(*rules, slug="test-slug"):
    d = pulumi.detector(rules, slug)
    assert d is not None
    return d


def gaps(d, src, **params):
    doc = parse(HEADER + textwrap.dedent(src), "pulumi")
    return doc, list(d(doc, Context("pulumi", params)))


def fixed(d, src, **params):
    doc, found = gaps(d, src, **params)
    [gap] = found
    return apply_edits(doc.text, gap.fix())[len(HEADER):]


def test_names_are_the_terraform_providers_with_pulumis_plural_repeated_blocks():
    assert pulumi.native("aws_kms_key", "key_spec") == "customer_master_key_spec"
    assert pulumi.native("aws_ecs_cluster", "cluster_settings") == "settings"
    assert pulumi.native("aws_kms_key", "origin") is None  # an own type in Terraform/Pulumi
    assert pulumi.args_class("dynamodb.Table", "aws_dynamodb_table", "point_in_time_recovery_specification") \
        == "dynamodb.TablePointInTimeRecoveryArgs"
    assert pulumi.args_class("ecs.Cluster", "aws_ecs_cluster", "cluster_settings") == "ecs.ClusterSettingArgs"


def test_a_rule_nothing_of_which_exists_in_pulumi_has_no_detector():
    assert pulumi.detector((Rule(("iam.Nothing",), {"x": Exactly(True)}, what="X"),), "s") is None
    assert pulumi.detector((Rule(("kms.Key",), {"origin": Exactly("AWS_KMS")}, what="X"),), "s") is None


ROTATION = Rule(("kms.Key",), {"enable_key_rotation": Exactly(True, label="key rotation")}, what="KMS key",
                when=Is("key_spec", "SYMMETRIC_DEFAULT", missing=True))


def test_exactly_missing_is_added_before_tags_and_opts():
    out = fixed(detect(ROTATION), 'k = aws.kms.Key("k", description="d", tags={"a": "b"})\n')
    assert out == 'k = aws.kms.Key("k", description="d", enable_key_rotation=True, tags={"a": "b"})\n'


def test_exactly_other_literal_is_unsafe_unknown_is_no_finding_and_message_names_it():
    _, [gap] = gaps(detect(ROTATION), 'aws.kms.Key("k", enable_key_rotation=False)\n')
    assert gap.unsafe and gap.detail == "test-slug"
    assert gap.message == "KMS key 'k' has key rotation disabled (enable_key_rotation=False)"
    assert gaps(detect(ROTATION), 'aws.kms.Key("k", enable_key_rotation=flag)\n')[1] == []
    assert gaps(detect(ROTATION), 'aws.kms.Key("k", **kw)\n')[1] == []


def test_conditions_read_native_names_and_unknown_is_no_finding():
    assert gaps(detect(ROTATION), 'aws.kms.Key("k", customer_master_key_spec="RSA_2048")\n')[1] == []
    assert gaps(detect(ROTATION), 'aws.kms.Key("k", customer_master_key_spec=spec)\n')[1] == []
    assert len(gaps(detect(ROTATION), 'aws.kms.Key("k", customer_master_key_spec="SYMMETRIC_DEFAULT")\n')[1]) == 1


PITR = Rule(("dynamodb.Table",), {"point_in_time_recovery_specification": Nested(
    {"point_in_time_recovery_enabled": Exactly(True, label="PITR")})}, what="Table")


def test_nested_is_an_args_class_when_missing_and_merged_into_a_dict_in_its_key_case():
    out = fixed(detect(PITR), 'aws.dynamodb.Table("t", hash_key="id")\n')
    assert "point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True)" in out
    out = fixed(detect(PITR), 'aws.dynamodb.Table("t", point_in_time_recovery={"recoveryPeriodInDays": 7})\n')
    assert '{"recoveryPeriodInDays": 7, "enabled": True}' in out


def test_entry_is_appended_in_the_style_of_the_other_entries():
    rule = Rule(("ecs.Cluster",), {"cluster_settings": Entry("name", "containerInsights", {"value": Exactly("enabled")})},
                what="Cluster")
    out = fixed(detect(rule), 'aws.ecs.Cluster("c")\n')
    assert 'settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")]' in out
    out = fixed(detect(rule), 'aws.ecs.Cluster("c", settings=[{"name": "x", "value": "y"}])\n')
    assert '{"name": "containerInsights", "value": "enabled"}' in out


def test_a_structure_terraform_flattens_is_flat_in_pulumi():
    rule = Rule(("kinesis.Stream",), {"stream_encryption": Nested({
        "encryption_type": Exactly("KMS"),
        "key_id": Explicit(Param("kms_key"), when=Known("stream_encryption.encryption_type"))})}, what="Stream")
    out = fixed(detect(rule), 'aws.kinesis.Stream("s", shard_count=1)\n', kms_key="alias/aws/kinesis")
    assert 'encryption_type="KMS"' in out and 'kms_key_id="alias/aws/kinesis"' in out
    # no key next to an encryption type the file cannot read
    assert gaps(detect(rule), 'aws.kinesis.Stream("s", encryption_type=t)\n', kms_key="alias/aws/kinesis")[1] == []


def test_an_empty_parameter_drops_its_requirement_and_at_least_reports_below_minimum():
    rule = Rule(("logs.LogGroup",), {"retention_in_days": AtLeast(Param("days"), Param("days"))}, what="Log group")
    assert gaps(detect(rule), 'aws.cloudwatch.LogGroup("g")\n', days=None)[1] == []
    [gap] = gaps(detect(rule), 'aws.cloudwatch.LogGroup("g", retention_in_days=1)\n', days=7)[1]
    assert gap.unsafe
    assert gaps(detect(rule), 'aws.cloudwatch.LogGroup("g", retention_in_days=30)\n', days=7)[1] == []


def test_the_only_resource_is_its_variable_before_the_resource():
    rule = Rule(("sqs.Queue",), {"kms_master_key_id": Explicit(TheOnly("kms.Key", "key_id"))}, what="Queue",
                when=Absent("sqs_managed_sse_enabled"))
    out = fixed(detect(rule), 'key = aws.kms.Key("k")\nq = aws.sqs.Queue("q")\n')
    assert 'aws.sqs.Queue("q", kms_master_key_id=key.id)' in out
    assert gaps(detect(rule), 'q = aws.sqs.Queue("q")\nkey = aws.kms.Key("k")\n')[1] == []
    assert gaps(detect(rule), 'a = aws.kms.Key("a")\nb = aws.kms.Key("b")\nq = aws.sqs.Queue("q")\n')[1] == []


@pytest.mark.parametrize("engine, logs", [('"postgres"', '["postgresql", "upgrade"]'),
                                          ("aws.rds.EngineType.AURORA_POSTGRESQL", '["postgresql"]')])
def test_by_prop_reads_the_literal_or_the_engine_enum(engine, logs):
    rule = Rule(("rds.DBCluster",), {"enable_cloudwatch_logs_exports": Explicit(ByProp("engine", {
        "postgres": ["postgresql", "upgrade"], "aurora-postgresql": ["postgresql"]}))}, what="Cluster")
    out = fixed(detect(rule), f'aws.rds.Cluster("c", engine={engine})\n')
    assert f"enabled_cloudwatch_logs_exports={logs}" in out
    assert gaps(detect(rule), 'aws.rds.Cluster("c", engine="oracle-ee")\n')[1] == []


def test_rds_db_instance_is_both_pulumi_classes_with_their_own_names():
    rule = Rule(("rds.DBInstance",), {"auto_minor_version_upgrade": Exactly(True)}, what="DB",
                when=Absent("db_cluster_identifier"))
    assert len(gaps(detect(rule), 'aws.rds.Instance("i")\n')[1]) == 1
    # a cluster instance's db_cluster_identifier is its cluster_identifier
    assert gaps(detect(rule), 'aws.rds.ClusterInstance("i", cluster_identifier=c.id)\n')[1] == []


def test_unsafe_rule_makes_every_gap_unsafe_and_has_its_detail():
    rule = Rule(("rds.DBCluster",), {"storage_encrypted": Exactly(True)}, what="Cluster", unsafe=True,
                detail="storage-encryption")
    [gap] = gaps(detect(rule), 'aws.rds.Cluster("c")\n')[1]
    assert gap.unsafe and gap.detail == "storage-encryption"


LIMITS = Rule(("lambda.Function",), {"timeout": Explicit(Param("t")), "memory_size": Explicit(Param("m"))},
              what="Lambda function")


def test_properties_are_added_at_once_in_one_gap_and_the_message_joins_them():
    _, [gap] = gaps(detect(LIMITS), 'f = aws.lambda_.Function("f", runtime="python3.12")\n', t=3, m=128)
    assert gap.message == "Lambda function 'f' has no timeout and memory size"
    assert fixed(detect(LIMITS), 'f = aws.lambda_.Function(\n    "f",\n    runtime="python3.12",\n    tags=t,\n)\n',
                 t=3, m=128) == ('f = aws.lambda_.Function(\n    "f",\n    runtime="python3.12",\n    timeout=3,\n'
                                 '    memory_size=128,\n    tags=t,\n)\n')


def test_each_new_keyword_goes_before_the_run_the_catalog_ranks_after_it():
    # spec.ORDER for lambda.Function: timeout, memory_size, reserved_concurrent_executions,
    # tracing_config, dead_letter_config; then tags and opts
    out = fixed(detect(LIMITS), 'aws.lambda_.Function(\n    "f",\n    reserved_concurrent_executions=5,\n'
                                '    dead_letter_config=d,\n    opts=o,\n)\n', t=3, m=128)
    assert out == ('aws.lambda_.Function(\n    "f",\n    timeout=3,\n    memory_size=128,\n'
                   '    reserved_concurrent_executions=5,\n    dead_letter_config=d,\n    opts=o,\n)\n')
    # the author's keyword ranked between two new ones splits them: each goes to its own place
    rule = Rule(("rds.DBInstance",), {"copy_tags_to_snapshot": Exactly(True),
                                      "auto_minor_version_upgrade": Exactly(True)}, what="DB")
    out = fixed(detect(rule), 'aws.rds.Instance(\n    "db",\n    deletion_protection=True,\n    opts=o,\n)\n')
    assert out == ('aws.rds.Instance(\n    "db",\n    copy_tags_to_snapshot=True,\n    deletion_protection=True,\n'
                   '    auto_minor_version_upgrade=True,\n    opts=o,\n)\n')


def test_a_nested_structure_is_merged_into_args_and_checked_and_unknown_is_no_finding():
    out = fixed(detect(PITR), 'aws.dynamodb.Table("t", point_in_time_recovery=PArgs(days=7))\n')
    assert "PArgs(days=7, enabled=True)" in out
    _, [gap] = gaps(detect(PITR), 'aws.dynamodb.Table("t", point_in_time_recovery={"enabled": False})\n')
    assert gap.unsafe
    for value in ("pitr", "{**shared}", '{"enabled": flag}'):
        assert gaps(detect(PITR), f'aws.dynamodb.Table("t", point_in_time_recovery={value})\n')[1] == []


def test_a_nested_change_is_carried_into_a_call_laid_out_anew():
    rule = Rule(("dynamodb.Table",), {
        "point_in_time_recovery_specification": Nested({"point_in_time_recovery_enabled": Exactly(True)}),
        "deletion_protection_enabled": Explicit(True)}, what="T")
    out = fixed(detect(rule), 'aws.dynamodb.Table("a-table-with-a-long-name", hash_key="id", '
                              'point_in_time_recovery={"recovery_period_in_days": 7})\n')
    assert out == ('aws.dynamodb.Table(\n    "a-table-with-a-long-name",\n    hash_key="id",\n'
                   '    point_in_time_recovery={"recovery_period_in_days": 7, "enabled": True},\n'
                   '    deletion_protection_enabled=True,\n)\n')


INSIGHTS = Rule(("ecs.Cluster",), {"cluster_settings": Entry("name", "containerInsights", {"value": Exactly("enabled")},
                                                             label="Container Insights")}, what="ECS cluster")


def test_an_entry_is_checked_when_present_and_a_list_that_cannot_be_read_is_no_finding():
    assert gaps(detect(INSIGHTS), 'aws.ecs.Cluster("c", settings=[{"name": "containerInsights", "value": "enabled"}])\n')[1] == []
    src = 'aws.ecs.Cluster("c", settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="disabled")])\n'
    _, [gap] = gaps(detect(INSIGHTS), src)
    assert gap.unsafe and 'value="enabled"' in fixed(detect(INSIGHTS), src)
    out = fixed(detect(INSIGHTS), 'aws.ecs.Cluster("c", settings=[{"name": "containerInsights"}])\n')
    assert '[{"name": "containerInsights", "value": "enabled"}]' in out
    for value in ("shared", "[*shared]", '[aws.ecs.ClusterSettingArgs(name=n, value="x")]'):
        assert gaps(detect(INSIGHTS), f'aws.ecs.Cluster("c", settings={value})\n')[1] == []


def test_a_requirement_when_drops_it_for_a_resource_and_list_parameters_are_written():
    rule = Rule(("elasticache.ReplicationGroup",), {"multi_az_enabled": Exactly(
        True, when=Is("num_cache_clusters", 2))}, what="group")
    assert gaps(detect(rule), 'aws.elasticache.ReplicationGroup("g", num_cache_clusters=1)\n')[1] == []
    assert len(gaps(detect(rule), 'aws.elasticache.ReplicationGroup("g", num_cache_clusters=2)\n')[1]) == 1
    rule = Rule(("kinesis.Stream",), {"shard_level_metrics": Explicit(Param("metrics"))}, what="S")
    assert fixed(detect(rule), "aws.kinesis.Stream('s')\n", metrics=["IncomingBytes"]) == \
        "aws.kinesis.Stream('s', shard_level_metrics=['IncomingBytes'])\n"


def test_order_of_is_the_catalogs_order_in_pulumis_keywords():
    assert pulumi.order_of("kinesis.Stream") == ("encryption_type", "kms_key_id", "retention_period",
                                                  "shard_level_metrics")
    assert pulumi.order_of("apigatewayv2.Stage") == ("access_log_settings", "default_route_settings")
    assert pulumi.order_of("s3.Bucket") == ()
