"""The CDK adapter (codemods.lang.cdk): neutral rules read and written the CDK Python way."""

from __future__ import annotations

import pytest

from iacfix.codemods.lang import cdk
from iacfix.codemods.lang.cdk import natives
from iacfix.codemods.spec import (
    Absent, AtLeast, ByProp, Entry, Exactly, Explicit, Is, Known, Nested, Param, Present, Rule, TheOnly,
)
from iacfix.core import Context, FixError, apply_edits
from iacfix.transforms.python import parse

HEADER = "from aws_cdk import Duration, Stack, aws_kms as kms, aws_lambda as _lambda, aws_sqs as sqs\n\n"


def rule(kind, require, what="Thing", **kw):
    return Rule((kind,), require, what=what, **kw)


def detect(*rules, slug="test-slug"):
    d = cdk.detector(rules, slug)
    assert d is not None
    return d


def gaps(d, src, **params):
    return list(d(parse(src), Context("cdk", params)))


def fixed(d, src, **params):
    """The source after fixing the one gap."""
    (gap,) = gaps(d, src, **params)
    return apply_edits(src, gap.fix())


ROTATION = detect(rule("kms.Key", {"enable_key_rotation": Exactly(True, label="key rotation")}, "KMS key",
                       when=Is("key_spec", "SYMMETRIC_DEFAULT", missing=True)))


# ------------------------------------------------------------------- kinds and names
def test_a_kind_is_its_l1_class_and_its_l2_classes():
    assert [n.qualname for n in natives.natives("kms.Key")] == ["aws_cdk.aws_kms.Key", "aws_cdk.aws_kms.CfnKey"]
    assert natives.l1("rds.DBInstance").qualname == "aws_cdk.aws_rds.CfnDBInstance"
    assert natives.l1("lambda.Function").qualname == "aws_cdk.aws_lambda.CfnFunction"
    assert "aws_cdk.aws_lambda_nodejs.NodejsFunction" in [n.qualname for n in natives.natives("lambda.Function")]


def test_l1_takes_neutral_names_and_props_classes_by_their_pascal_name():
    n = natives.l1("dynamodb.Table")
    assert n.spell("point_in_time_recovery_specification", "struct") == natives.Struct(
        "point_in_time_recovery_specification",
        "aws_cdk.aws_dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty",
    )
    assert n.spell("point_in_time_recovery_specification.point_in_time_recovery_enabled", "leaf").kwarg == (
        "point_in_time_recovery_enabled"
    )
    assert natives.l1("rds.DBInstance").spell("multi_az", "leaf").kwarg == "multi_az"


def test_an_l2_class_spells_some_properties_its_own_way_and_lacks_others():
    fs = natives.L2["efs.FileSystem"][0]
    assert fs.spell("kms_key_id", "leaf") is None
    assert fs.spell("encrypted", "leaf").default is True
    (log_group,) = natives.L2["logs.LogGroup"]
    assert log_group.spell("retention_in_days", "leaf").kwarg == "retention"
    # an L2 props class must be named: no guessing
    assert fs.spell("lifecycle_policies", "struct") is None
    # a property no CDK class has
    assert natives.l1("kinesis.Stream").spell("shard_level_metrics", "leaf") is None


def test_a_rule_nothing_of_which_exists_in_cdk_has_no_detector():
    assert cdk.detector((rule("kinesis.Stream", {"shard_level_metrics": Explicit(["IncomingBytes"])}),), "x") is None
    assert cdk.detector((rule("efs.FileSystem", {"kms_key_id": Explicit("k")}),), "x") is not None  # the L1 has it


# ------------------------------------------------------------------- Exactly
def test_exactly_missing_is_a_safe_gap_whose_fix_adds_the_value():
    src = HEADER + 'kms.Key(self, "K", description="d")\n'
    (gap,) = gaps(ROTATION, src)
    assert not gap.unsafe and gap.detail == "test-slug" and gap.resource_name == "K"
    assert gap.resource_type == "aws_kms.Key"
    assert gap.message == "KMS key 'K' has no key rotation"
    assert apply_edits(src, gap.fix()).endswith('kms.Key(self, "K", description="d", enable_key_rotation=True)\n')


def test_exactly_other_literal_is_unsafe_and_replaced_and_the_message_quotes_it():
    src = HEADER + 'kms.CfnKey(self, "K", enable_key_rotation=False)\n'
    (gap,) = gaps(ROTATION, src)
    assert gap.unsafe
    assert gap.message == "KMS key 'K' has key rotation disabled (enable_key_rotation=False)"
    assert apply_edits(src, gap.fix()).endswith('kms.CfnKey(self, "K", enable_key_rotation=True)\n')


@pytest.mark.parametrize(
    "args", ["enable_key_rotation=rotate", "enable_key_rotation=self.rotate()", "**props", "enable_key_rotation=not x"]
)
def test_exactly_unknown_value_or_splat_is_no_finding(args):
    assert gaps(ROTATION, HEADER + f'kms.Key(self, "K", {args})\n') == []


def test_conditions_read_enums_and_an_unknown_value_is_no_finding():
    assert gaps(ROTATION, HEADER + 'kms.Key(self, "K", key_spec=kms.KeySpec.RSA_2048)\n') == []
    assert gaps(ROTATION, HEADER + 'kms.Key(self, "K", key_spec=spec)\n') == []
    assert len(gaps(ROTATION, HEADER + 'kms.Key(self, "K", key_spec=kms.KeySpec.SYMMETRIC_DEFAULT)\n')) == 1
    assert gaps(ROTATION, HEADER + 'kms.CfnKey(self, "K", key_spec="HMAC_256")\n') == []
    assert len(gaps(ROTATION, HEADER + 'kms.CfnKey(self, "K", key_spec="SYMMETRIC_DEFAULT")\n')) == 1


def test_enum_members_are_read_through_aliases_and_written_as_the_file_names_the_class():
    d = detect(rule("sqs.Queue", {"sqs_managed_sse_enabled": Exactly(True, label="encryption")}, "SQS queue",
                    when=Absent("kms_master_key_id")))
    src = "from aws_cdk.aws_sqs import Queue, QueueEncryption as QE\n"
    assert gaps(d, src + 'Queue(self, "Q", encryption=QE.SQS_MANAGED)\n') == []
    assert gaps(d, src + 'Queue(self, "Q", encryption=QE.KMS_MANAGED)\n') == []  # the AWS-managed key
    (gap,) = gaps(d, src + 'Queue(self, "Q", encryption=QE.UNENCRYPTED)\n')
    assert gap.unsafe
    assert fixed(d, src + 'Queue(self, "Q", encryption=QE.UNENCRYPTED)\n').endswith("encryption=QE.SQS_MANAGED)\n")
    assert fixed(d, HEADER + 'sqs.Queue(self, "Q")\n').endswith(
        'sqs.Queue(self, "Q", encryption=sqs.QueueEncryption.SQS_MANAGED)\n')
    assert fixed(d, HEADER + 'sqs.CfnQueue(self, "Q")\n').endswith('sqs.CfnQueue(self, "Q", sqs_managed_sse_enabled=True)\n')


# ------------------------------------------------------------------ Explicit
def test_explicit_takes_any_value_but_rejected_ones():
    d = detect(rule("lambda.Function", {"memory_size": Explicit(Param("memory_mb"), reject=(0,), label="memory size")},
                    "Lambda function"))
    assert gaps(d, HEADER + '_lambda.Function(self, "F", memory_size=128)\n', memory_mb=512) == []
    assert gaps(d, HEADER + '_lambda.Function(self, "F", memory_size=size)\n', memory_mb=512) == []
    (gap,) = gaps(d, HEADER + '_lambda.Function(self, "F", memory_size=0)\n', memory_mb=512)
    assert gap.unsafe
    out = fixed(d, HEADER + '_lambda.Function(self, "F")\n', memory_mb=1024)
    assert out.endswith('_lambda.Function(self, "F", memory_size=1024)\n')


def test_an_empty_parameter_drops_the_requirement():
    d = detect(rule("efs.FileSystem", {"encrypted": Exactly(True, label="encryption"),
                                       "kms_key_id": Explicit(Param("kms_key"), label="KMS key")}))
    src = "from aws_cdk import aws_efs as efs\n\n" + 'efs.CfnFileSystem(self, "F")\n'
    assert fixed(d, src, kms_key="").endswith('efs.CfnFileSystem(self, "F", encrypted=True)\n')
    assert fixed(d, src, kms_key="alias/k").endswith('efs.CfnFileSystem(self, "F", encrypted=True, kms_key_id="alias/k")\n')


def test_one_gap_per_resource_names_everything_missing_and_fixes_it_at_once():
    d = detect(rule("lambda.Function", {
        "timeout": Explicit(Param("t"), label="timeout"),
        "memory_size": Explicit(512, label="memory size"),
        "reserved_concurrent_executions": Explicit(10, label="reserved concurrency"),
    }, "Lambda function"))
    src = HEADER + 'fn = _lambda.Function(\n    self,\n    "F",\n    handler="h",\n)\n'
    (gap,) = gaps(d, src, t=30)
    assert gap.message == "Lambda function 'F' has no timeout, memory size and reserved concurrency"
    assert apply_edits(src, gap.fix()).endswith(
        '    handler="h",\n    timeout=Duration.seconds(30),\n    memory_size=512,\n    reserved_concurrent_executions=10,\n)\n'
    )


def test_wrong_and_missing_in_one_message_with_the_rules_note():
    d = detect(rule("rds.DBInstance", {"deletion_protection": Exactly(True, label="deletion protection"),
                                       "storage_encrypted": Exactly(True, label="storage encryption")},
                    "RDS instance", note="it replaces the database", unsafe=True, detail="mine"))
    (gap,) = gaps(d, "from aws_cdk import aws_rds as rds\n" + 'rds.CfnDBInstance(self, "Db", deletion_protection=False)\n')
    assert gap.message == ("RDS instance 'Db' has deletion protection disabled (deletion_protection=False) "
                           "and has no storage encryption (it replaces the database)")
    assert gap.unsafe and gap.detail == "mine"
    # a rule that is unsafe makes a missing property unsafe too
    (gap,) = gaps(d, "from aws_cdk import aws_rds as rds\n" + 'rds.CfnDBInstance(self, "Db", deletion_protection=True)\n')
    assert gap.unsafe


# --------------------------------------------------------------------- values
def test_durations_are_written_in_the_largest_whole_unit_or_the_classes_unit_and_read_in_any():
    d = detect(rule("lambda.Function", {"timeout": Explicit(Param("t"), label="timeout")}))
    for t, code in ((30, "Duration.seconds(30)"), (60, "Duration.minutes(1)"), (7200, "Duration.hours(2)")):
        assert fixed(d, HEADER + '_lambda.Function(self, "F")\n', t=t).endswith(f"timeout={code})\n")
    assert fixed(d, HEADER + '_lambda.CfnFunction(self, "F")\n', t=60).endswith("timeout=60)\n")
    backups = detect(rule("rds.DBInstance", {"backup_retention_period": AtLeast(7, 7, label="backups")}))
    src = "from aws_cdk import Duration, aws_rds as rds\n"
    assert fixed(backups, src + 'rds.DatabaseInstance(self, "Db")\n').endswith("backup_retention=Duration.days(7))\n")
    assert gaps(backups, src + 'rds.DatabaseInstance(self, "Db", backup_retention=Duration.hours(240))\n') == []
    (gap,) = gaps(backups, src + 'rds.DatabaseInstance(self, "Db", backup_retention=Duration.hours(24))\n')
    assert gap.unsafe
    assert gaps(backups, src + 'rds.DatabaseInstance(self, "Db", backup_retention=Duration.days(n))\n') == []


RETENTION = detect(rule("logs.LogGroup", {"retention_in_days": Explicit(Param("days"), reject=(0,), label="retention",
                                                                          off="keeps its logs forever")}, "Log group"))
LOGS = "from aws_cdk import aws_logs as logs\n\n"


def test_retention_days_are_enum_members_and_the_l2_default_complies():
    assert gaps(RETENTION, LOGS + 'logs.LogGroup(self, "G")\n', days=30) == []  # CDK keeps logs two years
    src = LOGS + 'logs.LogGroup(self, "G", retention=logs.RetentionDays.INFINITE)\n'
    (gap,) = gaps(RETENTION, src, days=30)
    assert gap.unsafe and gap.message == "Log group 'G' keeps its logs forever (retention=logs.RetentionDays.INFINITE)"
    assert apply_edits(src, gap.fix()).endswith("retention=logs.RetentionDays.ONE_MONTH)\n")
    assert fixed(RETENTION, LOGS + 'logs.CfnLogGroup(self, "G")\n', days=30).endswith("retention_in_days=30)\n")


def test_a_value_the_language_cannot_write_is_reported_and_the_fix_says_why():
    src = LOGS + 'logs.LogGroup(self, "G", retention=logs.RetentionDays.INFINITE)\n'
    (gap,) = gaps(RETENTION, src, days=45)
    with pytest.raises(FixError, match="no 45-day retention"):
        gap.fix()


def test_by_prop_reads_the_l2_engine():
    d = detect(rule("rds.DBInstance", {"enable_cloudwatch_logs_exports": Explicit(
        ByProp("engine", {"postgres": ["postgresql", "upgrade"]}), label="logs")}))
    src = "from aws_cdk import aws_rds as rds\n\n"
    out = fixed(d, src + "rds.DatabaseInstance(self, 'Db', engine=rds.DatabaseInstanceEngine.postgres(version=v))\n")
    assert out.endswith("    cloudwatch_logs_exports=['postgresql', 'upgrade'],\n)\n")  # in the file's quotes
    assert fixed(d, src + 'rds.CfnDBInstance(self, "Db", engine="Postgres")\n').endswith(
        '    enable_cloudwatch_logs_exports=["postgresql", "upgrade"],\n)\n')
    assert gaps(d, src + 'rds.DatabaseInstance(self, "Db", engine=engine)\n') == []  # unknown engine: dropped
    assert gaps(d, src + 'rds.CfnDBInstance(self, "Db", engine="oracle-ee")\n') == []  # no entry: dropped


# ------------------------------------------------------------------ conditions
def test_conditions_are_three_valued_and_only_known_true_applies():
    d = detect(rule("rds.DBInstance", {"auto_minor_version_upgrade": Explicit(True, label="upgrades")},
                    when=Present("db_cluster_identifier")))
    src = "from aws_cdk import aws_rds as rds\n\n"
    assert len(gaps(d, src + 'rds.CfnDBInstance(self, "Db", db_cluster_identifier=c.ref)\n')) == 1
    assert gaps(d, src + 'rds.CfnDBInstance(self, "Db")\n') == []
    # an L2 instance is never a cluster member, and the L2 default already upgrades
    assert gaps(d, src + 'rds.DatabaseInstance(self, "Db")\n') == []
    known = detect(rule("kinesis.Stream", {"retention_period_hours": Explicit(24, label="retention",
                                                                                when=Known("shard_count"))}))
    kin = "from aws_cdk import aws_kinesis as kinesis\n\n"
    assert gaps(known, kin + 'kinesis.CfnStream(self, "S", shard_count=n)\n') == []
    assert len(gaps(known, kin + 'kinesis.CfnStream(self, "S", shard_count=2)\n')) == 1


def test_an_implying_argument_counts_as_the_property():
    d = detect(rule("rds.DBInstance", {"storage_encrypted": Exactly(True, label="storage encryption")}))
    src = "from aws_cdk import aws_rds as rds\n\n"
    assert gaps(d, src + 'rds.DatabaseInstance(self, "Db", storage_encryption_key=key)\n') == []
    assert len(gaps(d, src + 'rds.DatabaseInstance(self, "Db")\n')) == 1


# ---------------------------------------------------------------- structures
TRACING = detect(rule("apigateway.Stage", {"tracing_enabled": Exactly(True, label="X-Ray tracing")}, "API stage"))
API = "from aws_cdk import aws_apigateway as apigw\n"


def test_a_rest_apis_stage_is_its_deploy_options_and_deploy_false_has_none():
    out = fixed(TRACING, API + 'apigw.RestApi(self, "Api")\n')
    assert out.endswith('apigw.RestApi(self, "Api", deploy_options=apigw.StageOptions(tracing_enabled=True))\n')
    src = API + 'apigw.RestApi(\n    self,\n    "A",\n    deploy_options=apigw.StageOptions(stage_name="v1"),\n)\n'
    assert fixed(TRACING, src).endswith('    deploy_options=apigw.StageOptions(stage_name="v1", tracing_enabled=True),\n)\n')
    (gap,) = gaps(TRACING, src.replace('stage_name="v1"', "tracing_enabled=False"))
    assert gap.unsafe
    assert gaps(TRACING, API + 'apigw.RestApi(self, "Api", deploy=False)\n') == []
    assert gaps(TRACING, API + 'apigw.RestApi(self, "Api", deploy=d)\n') == []


@pytest.mark.parametrize("value", ["opts", "apigw.StageOptions(**o)", "apigw.StageOptions(tracing_enabled=t)"])
def test_props_that_cannot_be_read_are_no_finding(value):
    assert gaps(TRACING, API + f'apigw.RestApi(self, "Api", deploy_options={value})\n') == []


PITR = detect(rule("dynamodb.Table", {"point_in_time_recovery_specification": Nested(
    {"point_in_time_recovery_enabled": Exactly(True, label="PITR")}, label="PITR")}, "DynamoDB table"))
DDB = "from aws_cdk import aws_dynamodb as dynamodb\n\n"


def test_nested_is_written_whole_with_the_classes_props_class_or_merged_into():
    assert fixed(PITR, DDB + 'dynamodb.CfnTable(self, "T")\n').endswith(
        "    point_in_time_recovery_specification=dynamodb.CfnTable.PointInTimeRecoverySpecificationProperty(\n"
        "        point_in_time_recovery_enabled=True,\n    ),\n)\n")
    assert "point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(" in fixed(
        PITR, DDB + 'dynamodb.Table(self, "T")\n')
    src = DDB + 'dynamodb.Table(\n    self,\n    "T",\n    point_in_time_recovery_specification=spec(recovery_period_in_days=7),\n)\n'
    src = src.replace("spec(", "dynamodb.PointInTimeRecoverySpecification(")
    assert "(\n        recovery_period_in_days=7,\n        point_in_time_recovery_enabled=True,\n    ),\n)" in fixed(PITR, src)


def test_a_legacy_argument_the_file_uses_is_kept_to():
    assert fixed(PITR, DDB + 'dynamodb.Table(self, "T", point_in_time_recovery=False)\n').endswith(
        "point_in_time_recovery=True)\n")
    src = DDB + 'dynamodb.Table(self, "A", point_in_time_recovery=True)\ndynamodb.Table(self, "B")\n'
    assert fixed(PITR, src).endswith('dynamodb.Table(self, "B", point_in_time_recovery=True)\n')


INSIGHTS = detect(rule("ecs.Cluster", {"cluster_settings": Entry(
    "name", "containerInsights", {"value": Exactly("enabled", accept=("enhanced",), label="CI")}, label="CI")},
    "ECS cluster"))
ECS = "from aws_cdk import aws_ecs as ecs\n"
ITEM = 'ecs.CfnCluster.ClusterSettingsProperty(name="{}", value="{}")'


def test_an_entry_is_appended_to_the_list_and_its_value_checked():
    src = ECS + f'ecs.CfnCluster(self, "C", cluster_settings=[{ITEM.format("other", "x")}])\n'
    out = fixed(INSIGHTS, src)
    assert ITEM.format("other", "x") in out and ITEM.format("containerInsights", "enabled") in out
    ok = ECS + f'ecs.CfnCluster(self, "C", cluster_settings=[{ITEM.format("containerInsights", "enhanced")}])\n'
    assert gaps(INSIGHTS, ok) == []
    (gap,) = gaps(INSIGHTS, ok.replace("enhanced", "disabled"))
    assert gap.unsafe


def test_an_entry_in_a_missing_or_empty_list_is_written_with_the_constructs_class():
    expected = (
        'ecs.CfnCluster(\n    self,\n    "C",\n    cluster_settings=[\n'
        "        ecs.CfnCluster.ClusterSettingsProperty(\n"
        '            name="containerInsights",\n            value="enabled",\n        ),\n    ],\n)\n'
    )
    assert fixed(INSIGHTS, ECS + 'ecs.CfnCluster(self, "C")\n').endswith(expected)
    src = ECS + 'ecs.CfnCluster(\n    self,\n    "C",\n    cluster_settings=[],\n)\n'
    assert fixed(INSIGHTS, src).endswith(expected)


@pytest.mark.parametrize("value", ["settings", "[s]", "[*more]", '[{"name": "containerInsights"}]',
                                   f"[{ITEM.format('containerInsights', '{}')}]".replace('"{}"', "v")])
def test_an_entry_list_that_cannot_be_read_is_no_finding(value):
    assert gaps(INSIGHTS, ECS + f'ecs.CfnCluster(self, "C", cluster_settings={value})\n') == []


def test_an_l2_entry_is_an_enum_argument_or_the_legacy_flag():
    assert fixed(INSIGHTS, ECS + 'ecs.Cluster(self, "C")\n').endswith(
        "container_insights_v2=ecs.ContainerInsights.ENABLED)\n")
    assert gaps(INSIGHTS, ECS + 'ecs.Cluster(self, "C", container_insights_v2=ecs.ContainerInsights.ENHANCED)\n') == []
    assert fixed(INSIGHTS, ECS + 'ecs.Cluster(self, "C", container_insights=False)\n').endswith(
        "container_insights=True)\n")


def test_a_leaf_in_an_l2_props_object():
    d = detect(rule("rds.DBCluster", {"backup_retention_period": AtLeast(7, 7, label="backups")}))
    src = "from aws_cdk import Duration, aws_rds as rds\n\n"
    assert fixed(d, src + 'rds.DatabaseCluster(self, "C")\n').endswith(
        'rds.DatabaseCluster(self, "C", backup=rds.BackupProps(retention=Duration.days(7)))\n')
    assert fixed(d, src + 'rds.DatabaseCluster(self, "C", backup=rds.BackupProps(retention=Duration.days(1)))\n').endswith(
        "backup=rds.BackupProps(retention=Duration.days(7)))\n")
    assert gaps(d, src + 'rds.DatabaseCluster(self, "C", backup=backup)\n') == []


def test_a_flattened_structure_is_the_constructs_own_arguments():
    d = detect(rule("kinesis.Stream", {"stream_encryption": Nested({
        "encryption_type": Exactly("KMS", label="KMS encryption"),
        "key_id": Explicit("alias/aws/kinesis", label="KMS key"),
    }, label="KMS encryption")}, "Kinesis stream"))
    kin = "from aws_cdk import aws_kinesis as kinesis\n\n"
    assert fixed(d, kin + 'kinesis.Stream(self, "S")\n').endswith(
        'kinesis.Stream(self, "S", encryption=kinesis.StreamEncryption.MANAGED)\n')  # no key id on L2
    assert gaps(d, kin + 'kinesis.Stream(self, "S", encryption=kinesis.StreamEncryption.KMS)\n') == []
    assert gaps(d, kin + 'kinesis.Stream(self, "S", encryption_key=key)\n') == []
    (gap,) = gaps(d, kin + 'kinesis.Stream(self, "S", encryption=kinesis.StreamEncryption.UNENCRYPTED)\n')
    assert gap.unsafe
    assert fixed(d, kin + 'kinesis.CfnStream(self, "S")\n').endswith(
        '    stream_encryption=kinesis.CfnStream.StreamEncryptionProperty(\n'
        '        encryption_type="KMS",\n        key_id="alias/aws/kinesis",\n    ),\n)\n')


# ------------------------------------------------------------------- TheOnly
THE_KEY = TheOnly("kms.Key", "key_id")
QUEUE_KEY = detect(rule("sqs.Queue", {"kms_master_key_id": Explicit(THE_KEY, label="encryption")}, "SQS queue",
                        when=Absent("sqs_managed_sse_enabled")))
FN = 'class S(Stack):\n    def __init__(self):\n{}'


def _in_fn(*lines):
    return HEADER + FN.format("".join(f"        {ln}\n" for ln in lines))


def test_the_only_key_is_written_as_the_property_takes_it():
    out = fixed(QUEUE_KEY, _in_fn('key = kms.Key(self, "K")', 'sqs.Queue(self, "Q")'))
    assert out.endswith('    encryption=sqs.QueueEncryption.KMS,\n            encryption_master_key=key,\n        )\n')
    assert fixed(QUEUE_KEY, _in_fn('key = kms.Key(self, "K")', 'sqs.CfnQueue(self, "Q")')).endswith(
        "kms_master_key_id=key.key_id)\n")
    assert fixed(QUEUE_KEY, _in_fn('key = kms.CfnKey(self, "K")', 'sqs.CfnQueue(self, "Q")')).endswith(
        "kms_master_key_id=key.attr_key_id)\n")


@pytest.mark.parametrize("lines", [
    ('sqs.Queue(self, "Q")', 'key = kms.Key(self, "K")'),  # defined after the queue
    ('a = kms.Key(self, "A")', 'b = kms.Key(self, "B")', 'sqs.Queue(self, "Q")'),  # not the only one
    ('kms.Key(self, "K")', 'sqs.Queue(self, "Q")'),  # no variable
    ('key = kms.CfnKey(self, "K")', 'sqs.Queue(self, "Q")'),  # an L2 queue takes an L2 key only
])
def test_no_only_key_drops_the_requirement(lines):
    assert gaps(QUEUE_KEY, _in_fn(*lines)) == []


# ------------------------------------------------------------------ placement
LIMITS = detect(rule("lambda.Function", {"timeout": Explicit(5, label="timeout"),
                                         "memory_size": Explicit(512, label="memory size")}))
LOG_RETENTION = detect(rule("lambda.Function", {"log_retention": Explicit(7, label="log retention")}))
T5 = "timeout=Duration.seconds(5)"


def test_the_catalogs_order_translated_to_native_names():
    assert cdk.order_of("aws_cdk.aws_lambda.Function") == (
        "timeout", "memory_size", "reserved_concurrent_executions", "log_retention", "log_group", "tracing",
        "dead_letter_queue", "dead_letter_queue_enabled", "dead_letter_topic")
    assert cdk.order_of("aws_cdk.aws_lambda.CfnFunction")[:4] == (
        "timeout", "memory_size", "reserved_concurrent_executions", "tracing_config")
    assert cdk.order_of("aws_cdk.aws_apigateway.StageOptions")[:3] == (
        "access_log_destination", "access_log_format", "tracing_enabled")
    # a parameter group (rds-parameter-group) first, then rds-protection's props
    assert cdk.order_of("aws_cdk.aws_rds.DatabaseCluster")[:4] == (
        "parameter_group", "skip_final_snapshot", "storage_encrypted", "backup")
    assert cdk.order_of("aws_cdk.aws_kinesis.CfnStream.StreamEncryptionProperty") == ("encryption_type", "key_id")


def test_new_arguments_go_before_the_trailing_run_ranked_after_them():
    src = HEADER + 'fn = _lambda.Function(\n    self,\n    "F",\n    # failures\n    dead_letter_queue=dlq,\n)\n'
    assert fixed(LIMITS, src).endswith(
        f'    "F",\n    {T5},\n    memory_size=512,\n    # failures\n    dead_letter_queue=dlq,\n)\n'
    )
    # written mid-call by the author, it does not count: the new ones go at the end
    src = HEADER + '_lambda.Function(self, "F", dead_letter_queue=dlq, handler="h")\n'
    assert fixed(LOG_RETENTION, src).endswith('    handler="h",\n    log_retention=logs.RetentionDays.ONE_WEEK,\n)\n')
    # an argument of the catalog's order ranked after the new one, ending the call
    src = HEADER + '_lambda.Function(self, "F", memory_size=128, tracing=t)\n'
    assert fixed(LIMITS, src).endswith(f'_lambda.Function(self, "F", {T5}, memory_size=128, tracing=t)\n')


def test_trailing_conventions_stay_last_and_written_together_they_follow_the_order():
    d = detect(rule("kms.Key", {"enable_key_rotation": Exactly(True)}))
    assert fixed(d, HEADER + 'kms.Key(self, "K", alias="alias/k")\n').endswith(
        'kms.Key(self, "K", enable_key_rotation=True, alias="alias/k")\n')
    backwards = detect(rule("lambda.Function", {"memory_size": Explicit(512), "timeout": Explicit(5)}))
    assert fixed(backwards, HEADER + '_lambda.CfnFunction(self, "F")\n').endswith("timeout=5, memory_size=512)\n")


def test_lambda_arguments_keep_one_order_whichever_rule_runs_first():
    src = HEADER + '_lambda.Function(self, "F")\n'
    a = fixed(LOG_RETENTION, fixed(LIMITS, src))
    b = fixed(LIMITS, fixed(LOG_RETENTION, src))
    assert a == b and a.endswith(
        f'    {T5},\n    memory_size=512,\n    log_retention=logs.RetentionDays.ONE_WEEK,\n)\n')


def test_inline_insertion_that_gets_too_long_lays_the_call_out():
    src = HEADER + '_lambda.Function(self, "FunctionWithAVeryLongConstructId", handler="handler.main", dead_letter_queue=dlq)\n'
    assert fixed(LIMITS, src).endswith(
        '_lambda.Function(\n    self,\n    "FunctionWithAVeryLongConstructId",\n    handler="handler.main",\n'
        f"    {T5},\n    memory_size=512,\n    dead_letter_queue=dlq,\n)\n"
    )


def test_a_wrong_last_argument_is_replaced_and_the_missing_ones_added_in_one_edit():
    d = detect(rule("rds.DBInstance", {"deletion_protection": Exactly(True),
                                       "backup_retention_period": AtLeast(7, 7)}))
    head = "from aws_cdk import Duration, Stack, aws_rds as rds\n\n"
    src = head + 'rds.CfnDBInstance(self, "Db", engine="postgres", allocated_storage="20", backup_retention_period=0)\n'
    (gap,) = gaps(d, src)
    assert gap.unsafe
    assert apply_edits(src, gap.fix()) == head + (
        'rds.CfnDBInstance(\n    self,\n    "Db",\n    engine="postgres",\n    allocated_storage="20",\n'
        "    backup_retention_period=7,\n    deletion_protection=True,\n)\n"
    )


# ------------------------------------------------------------------- imports
MONTH = detect(rule("lambda.Function", {"log_retention": Explicit(30)}))


def test_a_module_is_imported_the_way_the_file_imports_modules():
    src = "from aws_cdk import (\n    Stack,\n    aws_lambda as _lambda,\n)\n\n" + '_lambda.Function(self, "F")\n'
    out = fixed(MONTH, src)
    assert "    aws_lambda as _lambda,\n    aws_logs as logs,\n)" in out
    assert out.endswith('_lambda.Function(self, "F", log_retention=logs.RetentionDays.ONE_MONTH)\n')


def test_a_class_is_imported_in_isort_order_among_the_cdk_imports():
    src = (
        "from aws_cdk import Stack\nfrom aws_cdk.aws_lambda import Function\nfrom constructs import Construct\n\n"
        'Function(self, "F")\n'
    )
    out = fixed(MONTH, src)
    assert out.startswith(
        "from aws_cdk import Stack\nfrom aws_cdk.aws_lambda import Function\nfrom aws_cdk.aws_logs import RetentionDays\n"
        "from constructs import Construct\n"
    )
    assert out.endswith('Function(self, "F", log_retention=RetentionDays.ONE_MONTH)\n')


def test_an_existing_import_of_the_module_is_joined():
    src = "from aws_cdk.aws_lambda import Function\nfrom aws_cdk.aws_logs import LogGroup\n\n" + 'Function(self, "F")\n'
    assert fixed(MONTH, src).startswith(
        "from aws_cdk.aws_lambda import Function\nfrom aws_cdk.aws_logs import LogGroup, RetentionDays\n"
    )


def test_cdk_v1_files_are_left_alone():
    assert gaps(ROTATION, "from aws_cdk import core, aws_kms as kms\nkms.Key(self, 'K')\n") == []


# ------------------------------------------------------------- the catalog
def test_the_log_group_of_functions():
    import iacfix.codemods as codemods
    from iacfix.codemods.log_retention import FUNCTION_RULE

    d = codemods.lookup("log-retention").detectors["cdk"]
    src = HEADER + '_lambda.Function(self, "F")\n_lambda.Function(self, "G", log_group=group)\n_lambda.CfnFunction(self, "H")\n'
    (gap,) = list(d(parse(src), Context("cdk", {"retention_days": 30})))
    assert gap.resource_name == "F" and gap.message == f"Lambda function 'F' {FUNCTION_RULE}"


# Rule-based codemods whose language modules detect what no rule says (so nothing is
# reported twice): log-retention's write a Lambda function's own log group.
BESIDE_RULES = {"log-retention"}


def test_every_rule_based_codemod_with_cdk_has_an_adapter_detector_and_no_module():
    import importlib.util

    import iacfix.codemods as codemods

    for cm in codemods.CATALOG:
        if cm.rules and "cdk" not in cm.not_applicable:
            assert "cdk" in cm.languages, cm.slug
            if cm.slug in BESIDE_RULES:
                continue
            assert importlib.util.find_spec(f"iacfix.codemods.{cm.slug.replace('-', '_')}.cdk") is None, cm.slug
