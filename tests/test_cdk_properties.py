"""codemods.common.cdk_properties: declarative required-properties detectors for CDK Python."""

from __future__ import annotations

import libcst as cst
import pytest

from iacfix.core import Context
from iacfix.codemods.common.cdk import number
from iacfix.codemods.common.cdk_properties import (
    AtLeast,
    Call,
    Entry,
    Exactly,
    Explicit,
    Invalid,
    Member,
    Param,
    Prop,
    Struct,
    required_properties,
)
from iacfix.core import FixError, apply_edits
from iacfix.transforms.python import parse

HEADER = "from aws_cdk import Duration, Stack, aws_kms as kms, aws_lambda as _lambda, aws_sqs as sqs\n\n"
KEY = "aws_cdk.aws_kms.Key"
FN = "aws_cdk.aws_lambda.Function"

ROTATION = required_properties({KEY: [Prop("enable_key_rotation", Exactly(True), "key rotation")]}, kind="KMS key")


def gaps(detect, src, **params):
    return list(detect(parse(src), Context("cdk", params)))


def fixed(detect, src, **params):
    """The source after fixing every gap once (one gap expected)."""
    (gap,) = gaps(detect, src, **params)
    return apply_edits(src, gap.fix())


# ------------------------------------------------------------------- Exactly
def test_exactly_missing_is_a_safe_gap_whose_fix_adds_the_value():
    src = HEADER + 'kms.Key(self, "K", description="d")\n'
    (gap,) = gaps(ROTATION, src)
    assert not gap.unsafe and gap.detail == "" and gap.resource_name == "K"
    assert gap.message == "KMS key 'K' has no key rotation"
    assert apply_edits(src, gap.fix()).endswith('kms.Key(self, "K", description="d", enable_key_rotation=True)\n')


def test_exactly_other_literal_is_unsafe_and_replaced():
    src = HEADER + 'kms.Key(self, "K", enable_key_rotation=False)\n'
    (gap,) = gaps(ROTATION, src)
    assert gap.unsafe and gap.message == "KMS key 'K' has key rotation disabled"
    assert apply_edits(src, gap.fix()).endswith('kms.Key(self, "K", enable_key_rotation=True)\n')


@pytest.mark.parametrize(
    "args", ["enable_key_rotation=rotate", "enable_key_rotation=self.rotate()", "**props", "enable_key_rotation=not x"]
)
def test_exactly_unknown_value_or_splat_is_no_finding(args):
    assert gaps(ROTATION, HEADER + f'kms.Key(self, "K", {args})\n') == []


def test_exactly_compares_enum_members_by_qualified_name_and_accepts_alternatives():
    enc = "aws_cdk.aws_sqs.QueueEncryption"
    detect = required_properties(
        {"aws_cdk.aws_sqs.Queue": [Prop("encryption", Exactly(Member(f"{enc}.SQS_MANAGED"), accept=(Member(f"{enc}.KMS"),)), "encryption")]},
        kind="SQS queue",
    )
    src = "from aws_cdk.aws_sqs import Queue, QueueEncryption as QE\n"
    assert gaps(detect, src + 'Queue(self, "Q", encryption=QE.KMS)\n') == []
    assert gaps(detect, src + 'Queue(self, "Q", encryption=QE.SQS_MANAGED)\n') == []
    (gap,) = gaps(detect, src + 'Queue(self, "Q", encryption=QE.UNENCRYPTED)\n')
    assert gap.unsafe
    # the replacement is written as the file names the class (here through its alias)
    assert fixed(detect, src + 'Queue(self, "Q", encryption=QE.UNENCRYPTED)\n').endswith("encryption=QE.SQS_MANAGED)\n")


# ------------------------------------------------------------------ Explicit
def test_explicit_takes_any_value_but_rejected_ones():
    detect = required_properties(
        {FN: [Prop("memory_size", Explicit(Param("memory_mb"), reject=(0,)), "memory size")]}, kind="Lambda function"
    )
    assert gaps(detect, HEADER + '_lambda.Function(self, "F", memory_size=128)\n', memory_mb=512) == []
    assert gaps(detect, HEADER + '_lambda.Function(self, "F", memory_size=size)\n', memory_mb=512) == []
    (gap,) = gaps(detect, HEADER + '_lambda.Function(self, "F", memory_size=0)\n', memory_mb=512)
    assert gap.unsafe
    out = fixed(detect, HEADER + '_lambda.Function(self, "F")\n', memory_mb=1024)
    assert out.endswith('_lambda.Function(self, "F", memory_size=1024)\n')


def test_one_gap_per_resource_names_everything_missing_and_fixes_it_at_once():
    detect = required_properties(
        {
            FN: [
                Prop("timeout", Explicit(Call("aws_cdk.Duration.seconds", Param("t"))), "timeout"),
                Prop("memory_size", Explicit(512), "memory size"),
                Prop("reserved_concurrent_executions", Explicit(10), "reserved concurrency"),
            ]
        },
        kind="Lambda function",
    )
    src = HEADER + 'fn = _lambda.Function(\n    self,\n    "F",\n    handler="h",\n)\n'
    (gap,) = gaps(detect, src, t=30)
    assert gap.message == "Lambda function 'F' has no timeout, memory size or reserved concurrency"
    assert apply_edits(src, gap.fix()).endswith(
        '    handler="h",\n    timeout=Duration.seconds(30),\n    memory_size=512,\n    reserved_concurrent_executions=10,\n)\n'
    )


def test_param_conversion_that_cannot_be_written_reports_an_unfixable_gap():
    detect = required_properties({FN: [Prop("timeout", Explicit(Param("t", lambda v: Invalid("no such period"))), "timeout")]}, kind="F")
    (gap,) = gaps(detect, HEADER + '_lambda.Function(self, "F")\n', t=7)
    with pytest.raises(FixError, match="no such period"):
        gap.fix()


def test_unless_and_when_hooks():
    detect = required_properties(
        {KEY: [Prop("enable_key_rotation", Exactly(True), "key rotation", unless=("key_usage",))]},
        kind="KMS key",
        when=lambda doc, site, params: site.string_arg(1) != "Skip",
    )
    assert gaps(detect, HEADER + 'kms.Key(self, "Skip")\n') == []
    assert gaps(detect, HEADER + 'kms.Key(self, "K", key_usage=u)\n') == []
    assert len(gaps(detect, HEADER + 'kms.Key(self, "K")\n')) == 1


def test_props_may_be_chosen_per_resource():
    chosen = []

    def props(doc, site, params):
        chosen.append(site.string_arg(1))
        return [Prop("enable_key_rotation", Exactly(True), "key rotation")]

    detect = required_properties({KEY: props}, kind="KMS key")
    assert len(gaps(detect, HEADER + 'kms.Key(self, "A")\nkms.Key(self, "B")\n')) == 2
    assert chosen == ["A", "B"]


# -------------------------------------------------------------------- Struct
OPTIONS = "aws_cdk.aws_apigateway.StageOptions"
TRACING = required_properties(
    {"aws_cdk.aws_apigateway.RestApi": [Prop("deploy_options", Struct(OPTIONS, {"tracing_enabled": Exactly(True)}), "X-Ray tracing")]},
    kind="REST API",
)
API = "from aws_cdk import aws_apigateway as apigw\n"


def test_struct_missing_is_added_whole():
    out = fixed(TRACING, API + 'apigw.RestApi(self, "Api")\n')
    assert out.endswith('apigw.RestApi(self, "Api", deploy_options=apigw.StageOptions(tracing_enabled=True))\n')


def test_struct_missing_field_is_merged_and_a_wrong_field_is_unsafe():
    src = API + 'apigw.RestApi(\n    self,\n    "A",\n    deploy_options=apigw.StageOptions(stage_name="v1"),\n)\n'
    assert fixed(TRACING, src).endswith('    deploy_options=apigw.StageOptions(stage_name="v1", tracing_enabled=True),\n)\n')
    (gap,) = gaps(TRACING, src.replace('stage_name="v1"', "tracing_enabled=False"))
    assert gap.unsafe


@pytest.mark.parametrize("value", ["opts", "apigw.StageOptions(**o)", "apigw.StageOptions(tracing_enabled=t)"])
def test_struct_that_cannot_be_read_is_no_finding(value):
    assert gaps(TRACING, API + f'apigw.RestApi(self, "Api", deploy_options={value})\n') == []


# --------------------------------------------------------------------- Entry
SETTING = "aws_cdk.aws_ecs.CfnCluster.ClusterSettingsProperty"
INSIGHTS = required_properties(
    {
        "aws_cdk.aws_ecs.CfnCluster": [
            Prop(
                "cluster_settings",
                Entry(SETTING, ("name", "containerInsights"), {"value": Exactly("enabled", accept=("enhanced",))}),
                "Container Insights",
            )
        ]
    },
    kind="ECS cluster",
)
ECS = "from aws_cdk import aws_ecs as ecs\n"
ENTRY = 'ecs.CfnCluster.ClusterSettingsProperty(name="{}", value="{}")'


def test_entry_is_appended_to_the_list_and_its_value_checked():
    src = ECS + f'ecs.CfnCluster(self, "C", cluster_settings=[{ENTRY.format("other", "x")}])\n'
    out = fixed(INSIGHTS, src)
    assert ENTRY.format("other", "x") in out and ENTRY.format("containerInsights", "enabled") in out
    ok = ECS + f'ecs.CfnCluster(self, "C", cluster_settings=[{ENTRY.format("containerInsights", "enhanced")}])\n'
    assert gaps(INSIGHTS, ok) == []
    (gap,) = gaps(INSIGHTS, ok.replace("enhanced", "disabled"))
    assert gap.unsafe


def test_entry_in_a_missing_or_empty_list_is_written_with_the_constructs_class():
    expected = (
        'ecs.CfnCluster(\n    self,\n    "C",\n    cluster_settings=[\n'
        "        ecs.CfnCluster.ClusterSettingsProperty(\n"
        '            name="containerInsights",\n            value="enabled",\n        ),\n    ],\n)\n'
    )
    assert fixed(INSIGHTS, ECS + 'ecs.CfnCluster(self, "C")\n').endswith(expected)
    src = ECS + 'ecs.CfnCluster(\n    self,\n    "C",\n    cluster_settings=[],\n)\n'
    assert fixed(INSIGHTS, src).endswith(expected)


@pytest.mark.parametrize("value", ["settings", "[s]", "[*more]", '[{"name": "containerInsights"}]', f"[{ENTRY.format('containerInsights', '{}')}]".replace('"{}"', "v")])
def test_entry_list_that_cannot_be_read_is_no_finding(value):
    assert gaps(INSIGHTS, ECS + f'ecs.CfnCluster(self, "C", cluster_settings={value})\n') == []


# ------------------------------------------------------ where arguments go
LIMITS = required_properties(
    {FN: [Prop("timeout", Explicit(5), "timeout"), Prop("memory_size", Explicit(512), "memory size")]}, kind="F"
)
LOGS = required_properties({FN: [Prop("log_retention", Explicit(7), "log retention")]}, kind="F")


def test_new_arguments_go_before_the_trailing_arguments_other_codemods_append():
    src = HEADER + 'fn = _lambda.Function(\n    self,\n    "F",\n    # failures\n    dead_letter_queue=dlq,\n)\n'
    assert fixed(LIMITS, src).endswith(
        '    "F",\n    timeout=5,\n    memory_size=512,\n    # failures\n    dead_letter_queue=dlq,\n)\n'
    )
    # written mid-call by the author, it does not count: the new ones go at the end
    src = HEADER + '_lambda.Function(self, "F", dead_letter_queue=dlq, handler="h")\n'
    assert fixed(LOGS, src).endswith('handler="h", log_retention=7)\n')


def test_lambda_arguments_keep_one_order_whichever_codemod_runs_first():
    src = HEADER + '_lambda.Function(self, "F")\n'
    a = fixed(LOGS, fixed(LIMITS, src))
    b = fixed(LIMITS, fixed(LOGS, src))
    assert a == b and a.endswith('_lambda.Function(self, "F", timeout=5, memory_size=512, log_retention=7)\n')


def test_inline_insertion_that_gets_too_long_lays_the_call_out():
    src = HEADER + '_lambda.Function(self, "FunctionWithAVeryLongConstructId", handler="handler.main", dead_letter_queue=dlq)\n'
    out = fixed(LIMITS, src)
    assert out.endswith(
        '_lambda.Function(\n    self,\n    "FunctionWithAVeryLongConstructId",\n    handler="handler.main",\n'
        "    timeout=5,\n    memory_size=512,\n    dead_letter_queue=dlq,\n)\n"
    )


# ------------------------------------------------------------------ imports
RETENTION = required_properties(
    {FN: [Prop("log_retention", Explicit(Member("aws_cdk.aws_logs.RetentionDays.ONE_MONTH")), "log retention")]}, kind="F"
)


def test_a_module_is_imported_the_way_the_file_imports_modules():
    src = "from aws_cdk import (\n    Stack,\n    aws_lambda as _lambda,\n)\n\n" + '_lambda.Function(self, "F")\n'
    out = fixed(RETENTION, src)
    assert "    aws_lambda as _lambda,\n    aws_logs as logs,\n)" in out
    assert out.endswith('_lambda.Function(self, "F", log_retention=logs.RetentionDays.ONE_MONTH)\n')


def test_a_class_is_imported_in_isort_order_among_the_cdk_imports():
    src = (
        "from aws_cdk import Stack\nfrom aws_cdk.aws_lambda import Function\nfrom constructs import Construct\n\n"
        'Function(self, "F")\n'
    )
    out = fixed(RETENTION, src)
    assert out.startswith(
        "from aws_cdk import Stack\nfrom aws_cdk.aws_lambda import Function\nfrom aws_cdk.aws_logs import RetentionDays\n"
        "from constructs import Construct\n"
    )
    assert out.endswith('Function(self, "F", log_retention=RetentionDays.ONE_MONTH)\n')


def test_an_existing_import_of_the_module_is_joined():
    src = "from aws_cdk.aws_lambda import Function\nfrom aws_cdk.aws_logs import LogGroup\n\n" + 'Function(self, "F")\n'
    assert fixed(RETENTION, src).startswith(
        "from aws_cdk.aws_lambda import Function\nfrom aws_cdk.aws_logs import LogGroup, RetentionDays\n"
    )


def test_cdk_v1_files_are_left_alone():
    assert gaps(ROTATION, "from aws_cdk import core, aws_kms as kms\nkms.Key(self, 'K')\n") == []


def test_inline_and_aligned_calls_get_the_new_arguments_in_their_layout():
    src = HEADER + '_lambda.Function(self, "F", dead_letter_queue=dlq)\n'
    assert fixed(LIMITS, src).endswith('_lambda.Function(self, "F", timeout=5, memory_size=512, dead_letter_queue=dlq)\n')
    src = HEADER + 'fn = _lambda.Function(self, "F",\n                      handler="h",\n                      dead_letter_queue=dlq)\n'
    assert fixed(LIMITS, src).endswith(
        '                      handler="h",\n                      timeout=5,\n                      memory_size=512,\n'
        "                      dead_letter_queue=dlq)\n"
    )


# ------------------------------------------------------------------- AtLeast
def _days(doc, node):
    """Days of Duration.days(n), else unknown."""
    if isinstance(node, cst.Call) and "aws_cdk.Duration.days" in doc.qualified_names(node.func):
        return number(node.args[0].value)
    return None


DB = "aws_cdk.aws_rds.DatabaseInstance"
RDS_HEADER = "from aws_cdk import Duration, Stack, aws_rds as rds\n\n"
BACKUPS = required_properties(
    {DB: [Prop("backup_retention", AtLeast(Call("aws_cdk.Duration.days", Param("days")), Param("days"), _days), "backup retention", "keeps backups too briefly")]},
    kind="RDS instance",
)


def test_at_least_missing_is_added_and_a_smaller_known_value_is_unsafe():
    src = RDS_HEADER + 'rds.DatabaseInstance(self, "Db")\n'
    (gap,) = gaps(BACKUPS, src, days=7)
    assert not gap.unsafe and gap.message == "RDS instance 'Db' has no backup retention"
    assert apply_edits(src, gap.fix()).endswith('rds.DatabaseInstance(self, "Db", backup_retention=Duration.days(7))\n')
    src = RDS_HEADER + 'rds.DatabaseInstance(self, "Db", backup_retention=Duration.days(0))\n'
    (gap,) = gaps(BACKUPS, src, days=7)
    assert gap.unsafe and gap.message == "RDS instance 'Db' keeps backups too briefly"
    assert apply_edits(src, gap.fix()).endswith('backup_retention=Duration.days(7))\n')


@pytest.mark.parametrize("value", ["Duration.days(7)", "Duration.days(35)", "Duration.days(n)", "retention"])
def test_at_least_enough_or_unknown_is_no_finding(value):
    assert gaps(BACKUPS, RDS_HEADER + f'rds.DatabaseInstance(self, "Db", backup_retention={value})\n', days=7) == []


def test_at_least_measures_numeric_literals_by_default():
    detect = required_properties({DB: [Prop("backup_retention_period", AtLeast(7, 7), "backup retention")]}, kind="DB")
    assert gaps(detect, RDS_HEADER + 'rds.DatabaseInstance(self, "Db", backup_retention_period=10)\n') == []
    (gap,) = gaps(detect, RDS_HEADER + 'rds.DatabaseInstance(self, "Db", backup_retention_period=1)\n')
    assert gap.unsafe


# ------------------------------------------------------ unsafe detectors, lists
def test_an_unsafe_detector_makes_a_missing_property_unsafe_with_its_own_detail():
    detect = required_properties(
        {DB: [Prop("storage_encrypted", Exactly(True), "storage encryption", unless=("storage_encryption_key",))]},
        kind="RDS instance",
        detail="storage-encryption",
        unsafe=True,
    )
    src = RDS_HEADER + 'rds.DatabaseInstance(self, "Db")\n'
    (gap,) = gaps(detect, src)
    assert gap.unsafe and gap.detail == "storage-encryption"
    assert apply_edits(src, gap.fix()).endswith('rds.DatabaseInstance(self, "Db", storage_encrypted=True)\n')
    assert gaps(detect, RDS_HEADER + 'rds.DatabaseInstance(self, "Db", storage_encryption_key=key)\n') == []


def test_list_values_are_written_in_the_files_quotes():
    detect = required_properties({DB: [Prop("cloudwatch_logs_exports", Explicit(["postgresql", "upgrade"]), "logs")]}, kind="DB")
    src = "from aws_cdk import aws_rds as rds\n\nrds.DatabaseInstance(self, 'Db')\n"
    (gap,) = gaps(detect, src)
    assert apply_edits(src, gap.fix()).endswith("rds.DatabaseInstance(self, 'Db', cloudwatch_logs_exports=['postgresql', 'upgrade'])\n")


def test_a_wrong_last_argument_is_replaced_and_the_missing_ones_added_in_one_edit():
    detect = required_properties(
        {DB: [Prop("deletion_protection", Exactly(True), "deletion protection"),
              Prop("backup_retention_period", AtLeast(7, 7), "backup retention")]},
        kind="DB",
    )
    src = RDS_HEADER + 'rds.DatabaseInstance(self, "Db", engine="postgres", allocated_storage="20", backup_retention_period=0)\n'
    (gap,) = gaps(detect, src)
    assert gap.unsafe
    assert apply_edits(src, gap.fix()) == RDS_HEADER + (
        'rds.DatabaseInstance(\n    self,\n    "Db",\n    engine="postgres",\n    allocated_storage="20",\n'
        "    backup_retention_period=7,\n    deletion_protection=True,\n)\n"
    )
