"""The declarative required-properties mechanism for Terraform (codemods/common/terraform_properties.py)."""

from __future__ import annotations

import iacfix.codemods as codemods
from iacfix.core import Context
from iacfix.codemods.common.terraform_properties import Block, Code, Entry, Exactly, Explicit, Param, required
from iacfix.core import apply_edits
from iacfix.transforms import terraform as tf

CTX = Context("terraform", {"timeout": 30, "key": "alias/aws/x", "empty": ""})


def gaps(detect, text, ctx=CTX):
    return list(detect(tf.parse(text), ctx))


def fixed(detect, text, ctx=CTX):
    """Apply every gap's fix (one pass each), checking that the result parses and complies."""
    while True:
        found = gaps(detect, text, ctx)
        if not found:
            return text
        g = found[0]
        assert g.fix is not None, g.message
        text = apply_edits(text, g.fix())
        tf.parse(text)


ROT = required("aws_kms_key", {"enable_key_rotation": Exactly(True, "key rotation")}, what="KMS key", slug="rot")

KEY = 'resource "aws_kms_key" "k" {\n  description = "x"\n%s}\n'


def test_exactly_missing_is_a_safe_gap_per_resource_with_slug_detail():
    (g,) = gaps(ROT, KEY % "")
    assert (g.resource_type, g.resource_name, g.detail, g.unsafe) == ("aws_kms_key", "k", "rot", False)
    assert g.message == "KMS key 'k' has no key rotation"
    assert fixed(ROT, KEY % "") == ('resource "aws_kms_key" "k" {\n  description         = "x"\n'
                                    '  enable_key_rotation = true\n}\n')


def test_exactly_other_literal_is_unsafe_and_replaced():
    (g,) = gaps(ROT, KEY % "  enable_key_rotation = false\n")
    assert g.unsafe and "enable_key_rotation = false" in g.message
    assert apply_edits(KEY % "  enable_key_rotation = false\n", g.fix()) == KEY % "  enable_key_rotation = true\n"


def test_exactly_unknown_values_are_not_findings_and_null_is_missing():
    for v in ("var.rotate", "local.x ? true : false", "tobool(var.x)"):
        assert gaps(ROT, KEY % f"  enable_key_rotation = {v}\n") == []
    (g,) = gaps(ROT, KEY % "  enable_key_rotation = null\n")
    assert not g.unsafe
    assert fixed(ROT, KEY % "  enable_key_rotation = null\n") == KEY % "  enable_key_rotation = true\n"


def test_string_true_counts_as_bool_and_also_values_comply():
    assert gaps(ROT, KEY % '  enable_key_rotation = "true"\n') == []
    d = required("aws_ecs_cluster", {"setting": Entry("name", "containerInsights",
                                                      {"value": Exactly("enabled", also=("enhanced",))})},
                 what="ECS cluster", slug="ci")
    text = 'resource "aws_ecs_cluster" "c" {\n  setting {\n    name  = "containerInsights"\n    value = "%s"\n  }\n}\n'
    assert gaps(d, text % "enhanced") == []
    (g,) = gaps(d, text % "disabled")
    assert g.unsafe


def test_explicit_any_value_complies_except_listed_unsafe_literals():
    d = required("aws_cloudwatch_log_group", {"retention_in_days": Explicit(7, "retention", unsafe=(0,))},
                 what="Log group", slug="ret")
    text = 'resource "aws_cloudwatch_log_group" "g" {\n  name = "g"\n%s}\n'
    assert gaps(d, text % "  retention_in_days = 3653\n") == []
    assert gaps(d, text % "  retention_in_days = var.days\n") == []
    (g,) = gaps(d, text % "  retention_in_days = 0\n")
    assert g.unsafe
    assert fixed(d, text % "") == ('resource "aws_cloudwatch_log_group" "g" {\n  name              = "g"\n'
                                   '  retention_in_days = 7\n}\n')


def test_param_values_and_empty_param_drops_the_requirement():
    d = required("aws_lambda_function", {"timeout": Explicit(Param("timeout")), "kms_key_arn": Explicit(Param("empty"))},
                 what="Lambda function", slug="l")
    text = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n'
    (g,) = gaps(d, text)
    assert g.message == "Lambda function 'f' has no timeout"
    assert fixed(d, text) == 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  timeout       = 30\n}\n'


def test_code_values_and_when_predicate():
    d = required("aws_sqs_queue", {"kms_master_key_id": Explicit(Code(lambda doc, b, ctx: "aws_kms_key.k.key_id"))},
                 what="SQS queue", slug="q", when=lambda doc, b: b.labels[1] != "skipped")
    text = 'resource "aws_sqs_queue" "%s" {\n  name = "q"\n}\n'
    assert gaps(d, text % "skipped") == []
    assert "kms_master_key_id = aws_kms_key.k.key_id" in fixed(d, text % "q")
    none = required("aws_sqs_queue", {"kms_master_key_id": Explicit(Code(lambda doc, b, ctx: None))},
                    what="SQS queue", slug="q")
    assert gaps(none, text % "q") == []  # nothing can be written: no finding


PITR = required("aws_dynamodb_table", {"point_in_time_recovery": Block({"enabled": Exactly(True)}, "PITR")},
                what="DynamoDB table", slug="pitr")
TABLE = 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n%s\n  tags = {\n    Team = "x"\n  }\n}\n'


def test_nested_block_added_before_tags_and_merged_when_present():
    assert fixed(PITR, TABLE % "") == TABLE % "\n  point_in_time_recovery {\n    enabled = true\n  }\n"
    merged = fixed(PITR, TABLE % "\n  point_in_time_recovery {\n    recovery_period_in_days = 7\n  }\n")
    assert merged == TABLE % "\n  point_in_time_recovery {\n    recovery_period_in_days = 7\n    enabled                 = true\n  }\n"
    (g,) = gaps(PITR, TABLE % "\n  point_in_time_recovery {\n    enabled = false\n  }\n")
    assert g.unsafe and "point_in_time_recovery.enabled = false" in g.message


def test_dynamic_blocks_and_unreadable_entry_keys_are_unknown():
    assert gaps(PITR, TABLE % '\n  dynamic "point_in_time_recovery" {\n    for_each = []\n    content {\n      enabled = true\n    }\n  }\n') == []
    d = required("aws_ecs_cluster", {"setting": Entry("name", "containerInsights", {"value": Exactly("enabled")})},
                 what="ECS cluster", slug="ci")
    assert gaps(d, 'resource "aws_ecs_cluster" "c" {\n  setting {\n    name  = var.n\n    value = "x"\n  }\n}\n') == []


def test_keyed_entry_appended_when_missing():
    d = required("aws_ecs_cluster", {"setting": Entry("name", "containerInsights", {"value": Exactly("enabled")})},
                 what="ECS cluster", slug="ci")
    text = 'resource "aws_ecs_cluster" "c" {\n  name = "c"\n}\n'
    assert fixed(d, text) == ('resource "aws_ecs_cluster" "c" {\n  name = "c"\n\n  setting {\n'
                              '    name  = "containerInsights"\n    value = "enabled"\n  }\n}\n')


def test_several_actions_make_one_fix_of_one_gap():
    d = required("aws_dynamodb_table", {
        "deletion_protection_enabled": Exactly(True),
        "point_in_time_recovery": Block({"enabled": Exactly(True)}),
    }, what="DynamoDB table", slug="x")
    text = TABLE % ""
    (g,) = gaps(d, text)
    edits = g.fix()
    assert len(edits) == 1  # applied step by step, returned as one edit
    out = apply_edits(text, edits)
    assert gaps(d, out) == []
    assert "  name                        = \"t\"\n  deletion_protection_enabled = true\n" in out


def test_added_arguments_compose_in_any_order():
    limits, concurrency = codemods.lookup("lambda-limits"), codemods.lookup("lambda-concurrency")
    text = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  role          = "r"\n}\n'

    def run(order):
        t = text
        for cm in order:
            t = fixed(cm.detectors["terraform"], t, Context("terraform", cm.defaults()))
        return t

    a, b = run([limits, concurrency]), run([concurrency, limits])
    assert a == b
    assert a.index("timeout") < a.index("memory_size") < a.index("reserved_concurrent_executions")


def test_kms_rotation_skips_asymmetric_keys():
    d = codemods.lookup("kms-key-rotation").detectors["terraform"]
    text = 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = "%s"\n}\n'
    assert gaps(d, text % "ECC_NIST_P256") == []
    assert len(gaps(d, text % "SYMMETRIC_DEFAULT")) == 1


def test_unsafe_detector_reports_missing_properties_as_unsafe():
    enc = required("aws_db_instance", {"storage_encrypted": Exactly(True, "storage encryption")},
                   what="RDS instance", slug="storage-encryption", unsafe=True)
    text = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n%s}\n'
    (g,) = gaps(enc, text % "")
    assert (g.unsafe, g.detail) == (True, "storage-encryption")
    assert g.message == "RDS instance 'db' has no storage encryption"
    (g,) = gaps(enc, text % "  storage_encrypted = false\n")
    assert g.unsafe and "storage_encrypted = false" in g.message
    assert gaps(enc, text % "  storage_encrypted = true\n") == []
    assert gaps(enc, text % "  storage_encrypted = var.enc\n") == []


def test_order_places_storage_encryption_before_the_protection_arguments():
    enc = required("aws_db_instance", {"storage_encrypted": Exactly(True)}, what="RDS instance", slug="enc")
    text = ('resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n'
            '  backup_retention_period = 7\n  deletion_protection     = true\n}\n')
    assert fixed(enc, text) == ('resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n'
                                '  storage_encrypted       = true\n  backup_retention_period = 7\n'
                                '  deletion_protection     = true\n}\n')
