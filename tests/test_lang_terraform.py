"""The Terraform adapter (codemods/lang/terraform): neutral kinds and names as the
hashicorp/aws provider spells them, values, conditions, placement, messages, unknown
values and unsafe findings."""

from __future__ import annotations

import pytest

import iacfix.codemods as codemods
from iacfix.codemods import spec
from iacfix.codemods.lang.terraform import compile_rules, facts, insert_block, rule_detector
from iacfix.codemods.spec import (
    Absent, All, AtLeast, ByProp, Codemod, Exactly, Explicit, Has, Hook, Known, Nested, Not, Param, Present, Rule,
    TheOnly,
)
from iacfix.core import Context, apply_edits
from iacfix.transforms import terraform as tf

CTX = Context("terraform", {"timeout": 30, "key": "alias/aws/x", "empty": "", "days": 7})


def gaps(rule, text, ctx=CTX, slug="slug"):
    return list(rule_detector(rule, slug)(tf.parse(text), ctx))


def fixed(rule, text, ctx=CTX):
    """Apply every gap's fix (one pass each), checking that the result parses and complies."""
    for _ in range(10):
        found = gaps(rule, text, ctx)
        if not found:
            return text
        assert found[0].fix is not None, found[0].message
        text = apply_edits(text, found[0].fix())
        tf.parse(text)
    raise AssertionError("does not converge")


def spec_rules(slug):
    return codemods.lookup(slug).rules


# ---------------------------------------------------------------------- facts


def test_kinds_and_names_as_the_provider_spells_them():
    assert facts.types_of(("rds.DBInstance",)) == ("aws_db_instance", "aws_rds_cluster_instance")
    assert facts.types_of(("apigateway.Deployment",)) == ()
    assert facts.native("aws_kms_key", "key_spec") == ["customer_master_key_spec"]
    assert facts.native("aws_kms_key", "origin") is None
    assert facts.native("aws_kms_key", "enable_key_rotation") == ["enable_key_rotation"]
    assert facts.native("aws_dynamodb_table", "point_in_time_recovery_specification.point_in_time_recovery_enabled") \
        == ["point_in_time_recovery", "enabled"]
    assert facts.native("aws_kinesis_stream", "stream_encryption.key_id") == ["kms_key_id"]
    assert facts.native("aws_kinesis_stream", "stream_encryption") == []
    assert facts.flat("aws_kinesis_stream", "stream_encryption")
    assert facts.native("aws_rds_cluster_instance", "db_cluster_identifier") == ["cluster_identifier"]
    assert facts.native("aws_db_instance", "db_cluster_identifier") is None
    assert facts.native("aws_db_instance", "source_db_instance_identifier") == ["replicate_source_db"]
    assert facts.native("aws_ecs_cluster", "cluster_settings.value") == ["setting", "value"]


def test_order_translates_the_catalog_table():
    assert facts.order("aws_kinesis_stream") == ("encryption_type", "kms_key_id", "retention_period",
                                                 "shard_level_metrics")
    assert facts.order("aws_lambda_function")[-2:] == ("tracing_config", "dead_letter_config")
    assert facts.order("aws_db_instance")[:4] == ("storage_type", "parameter_group_name", "skip_final_snapshot",
                                                  "storage_encrypted")
    assert "enabled_cloudwatch_logs_exports" in facts.order("aws_rds_cluster")
    assert facts.order("aws_api_gateway_stage") == ("access_log_settings", "xray_tracing_enabled")
    assert facts.order("aws_s3_bucket") == ()


def test_values_written_and_read_as_hcl():
    assert [facts.render(v, "  ") for v in (True, False, 7, 2.5, 'a"b${x}')] == \
        ["true", "false", "7", "2.5", '"a\\"b$${x}"']
    assert facts.render(["a", "b"], "  ") == '["a", "b"]'
    long = facts.render(["IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords"], "  ")
    assert long == '[\n  "IncomingBytes",\n  "IncomingRecords",\n  "OutgoingBytes",\n  "OutgoingRecords",\n]'
    assert facts.render(facts.Expr("aws_kms_key.k.key_id"), "  ") == "aws_kms_key.k.key_id"

    def read(expr):
        return facts.read_value(tf.parse(f"x {{\n  v = {expr}\n}}\n").blocks[0].attr("v").value)

    assert read("null") is spec.ABSENT
    assert read("var.x") is spec.UNKNOWN and read('"${var.x}-y"') is spec.UNKNOWN
    assert read('"true"') is True and read("-1") == -1 and read('["a", "b"]') == ["a", "b"]
    assert read('["a", var.b]') is spec.UNKNOWN
    assert facts.same("30", 30) and not facts.same("thirty", 30) and not facts.same(1, True)


# ---------------------------------------------------------------------- requirements

ROT = Rule(("kms.Key",), {"enable_key_rotation": Exactly(True, label="key rotation")}, what="KMS key")
KEY = 'resource "aws_kms_key" "k" {\n  description = "x"\n%s}\n'


def test_exactly_missing_is_a_safe_gap_per_resource_with_slug_detail():
    (g,) = gaps(ROT, KEY % "")
    assert (g.resource_type, g.resource_name, g.detail, g.unsafe) == ("aws_kms_key", "k", "slug", False)
    assert g.message == "KMS key 'k' has no key rotation"
    assert fixed(ROT, KEY % "") == ('resource "aws_kms_key" "k" {\n  description         = "x"\n'
                                    '  enable_key_rotation = true\n}\n')


def test_exactly_other_literal_is_unsafe_replaced_and_worded_once():
    (g,) = gaps(ROT, KEY % "  enable_key_rotation = false\n")
    assert g.unsafe
    assert g.message == "KMS key 'k' has key rotation disabled (enable_key_rotation = false)"
    assert apply_edits(KEY % "  enable_key_rotation = false\n", g.fix()) == KEY % "  enable_key_rotation = true\n"


def test_unknown_values_are_not_findings_and_null_is_missing():
    for v in ("var.rotate", "local.x ? true : false", "tobool(var.x)", '"${var.x}"'):
        assert gaps(ROT, KEY % f"  enable_key_rotation = {v}\n") == []
    (g,) = gaps(ROT, KEY % "  enable_key_rotation = null\n")
    assert not g.unsafe and g.message == "KMS key 'k' has no key rotation"
    assert fixed(ROT, KEY % "  enable_key_rotation = null\n") == KEY % "  enable_key_rotation = true\n"


def test_string_true_is_a_bool_and_accepted_values_comply():
    assert gaps(ROT, KEY % '  enable_key_rotation = "true"\n') == []
    (ci,) = spec_rules("ecs-container-insights")
    text = 'resource "aws_ecs_cluster" "c" {\n  setting {\n    name  = "containerInsights"\n    value = "%s"\n  }\n}\n'
    assert gaps(ci, text % "enhanced") == [] and gaps(ci, text % "enabled") == []
    (g,) = gaps(ci, text % "disabled")
    assert g.unsafe and g.message == "ECS cluster 'c' has Container Insights disabled (setting.value = \"disabled\")"


def test_explicit_any_value_complies_except_rejected_literals():
    (rule,) = spec_rules("log-retention")
    ctx = Context("terraform", {"retention_days": 30})
    text = 'resource "aws_cloudwatch_log_group" "g" {\n  name = "g"\n%s}\n'
    assert gaps(rule, text % "  retention_in_days = 3653\n", ctx) == []
    assert gaps(rule, text % "  retention_in_days = var.days\n", ctx) == []
    (g,) = gaps(rule, text % "  retention_in_days = 0\n", ctx)
    assert g.unsafe and g.message == ("Log group 'g' keeps its logs forever (retention_in_days = 0) "
                                      "(a retention period deletes the events older than it)")
    # a retention period on a group the file has deletes its older events: unsafe either way
    (g,) = gaps(rule, text % "", ctx)
    assert g.unsafe
    assert fixed(rule, text % "", ctx) == ('resource "aws_cloudwatch_log_group" "g" {\n  name              = "g"\n'
                                           '  retention_in_days = 30\n}\n')


def test_param_values_and_an_empty_param_drops_the_requirement():
    rule = Rule(("lambda.Function",), {"timeout": Explicit(Param("timeout")), "kms_key_arn": Explicit(Param("empty"))},
                what="Lambda function")
    text = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n'
    (g,) = gaps(rule, text)
    assert g.message == "Lambda function 'f' has no timeout"
    assert fixed(rule, text) == 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  timeout       = 30\n}\n'
    assert gaps(Rule(("lambda.Function",), {"kms_key_arn": Explicit(Param("empty"))}, what="f"), text) == []


def test_at_least_raises_known_numbers_below_the_minimum_only():
    rule = Rule(("rds.DBCluster",), {"backup_retention_period": AtLeast(Param("days"), Param("days"),
                                                                        off="has too short a backup retention")},
                what="Aurora cluster")
    text = 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n%s}\n'
    assert gaps(rule, text % "  backup_retention_period = 14\n") == []
    assert gaps(rule, text % '  backup_retention_period = "7"\n') == []
    assert gaps(rule, text % "  backup_retention_period = var.days\n") == []
    (g,) = gaps(rule, text % "  backup_retention_period = 1\n")
    assert g.unsafe and g.message == "Aurora cluster 'c' has too short a backup retention (backup_retention_period = 1)"
    assert fixed(rule, text % "  backup_retention_period = 1\n") == text % "  backup_retention_period = 7\n"


PITR = Rule(("dynamodb.Table",), {"point_in_time_recovery_specification": Nested(
    {"point_in_time_recovery_enabled": Exactly(True)}, label="PITR")}, what="DynamoDB table")
TABLE = 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n%s\n  tags = {\n    Team = "x"\n  }\n}\n'


def test_nested_block_added_before_tags_merged_when_present_and_named_natively():
    assert fixed(PITR, TABLE % "") == TABLE % "\n  point_in_time_recovery {\n    enabled = true\n  }\n"
    merged = fixed(PITR, TABLE % "\n  point_in_time_recovery {\n    recovery_period_in_days = 7\n  }\n")
    assert merged == TABLE % "\n  point_in_time_recovery {\n    recovery_period_in_days = 7\n    enabled                 = true\n  }\n"
    (g,) = gaps(PITR, TABLE % "\n  point_in_time_recovery {\n    enabled = false\n  }\n")
    assert g.unsafe and g.message == "DynamoDB table 't' has PITR disabled (point_in_time_recovery.enabled = false)"


def test_dynamic_blocks_and_unreadable_entry_keys_are_unknown():
    assert gaps(PITR, TABLE % '\n  dynamic "point_in_time_recovery" {\n    for_each = []\n    content {\n'
                              '      enabled = true\n    }\n  }\n') == []
    (ci,) = spec_rules("ecs-container-insights")
    assert gaps(ci, 'resource "aws_ecs_cluster" "c" {\n  setting {\n    name  = var.n\n    value = "x"\n  }\n}\n') == []
    assert gaps(ci, 'resource "aws_ecs_cluster" "c" {\n  dynamic "setting" {\n    for_each = var.s\n'
                    '    content {\n      name = setting.key\n    }\n  }\n}\n') == []


def test_keyed_entry_appended_when_missing_and_other_entries_kept():
    (ci,) = spec_rules("ecs-container-insights")
    text = 'resource "aws_ecs_cluster" "c" {\n  name = "c"\n}\n'
    (g,) = gaps(ci, text)
    assert g.message == "ECS cluster 'c' has no Container Insights"
    assert fixed(ci, text) == ('resource "aws_ecs_cluster" "c" {\n  name = "c"\n\n  setting {\n'
                               '    name  = "containerInsights"\n    value = "enabled"\n  }\n}\n')
    other = 'resource "aws_ecs_cluster" "c" {\n  setting {\n    name  = "other"\n    value = "x"\n  }\n}\n'
    assert fixed(ci, other).count("setting {") == 2


def test_flattened_structure_is_written_as_arguments_and_named_as_a_whole():
    (rule,) = spec_rules("kinesis-encryption")
    ctx = Context("terraform", {"kms_key": "alias/aws/kinesis", "retention_hours": 24})
    text = 'resource "aws_kinesis_stream" "s" {\n  name = "s"\n%s}\n'
    (g,) = gaps(rule, text % "", ctx)
    assert g.message == "Kinesis stream 's' has no KMS encryption and retention period"
    assert fixed(rule, text % "", ctx) == (
        'resource "aws_kinesis_stream" "s" {\n  name             = "s"\n  encryption_type  = "KMS"\n'
        '  kms_key_id       = "alias/aws/kinesis"\n  retention_period = 24\n}\n')
    (g,) = gaps(rule, text % '  encryption_type = "KMS"\n  retention_period = 48\n', ctx)
    assert g.message == "Kinesis stream 's' has no KMS key" and not g.unsafe
    (g,) = gaps(rule, text % '  encryption_type = "NONE"\n  retention_period = 48\n', ctx)
    assert g.unsafe and g.message == ("Kinesis stream 's' is not encrypted (encryption_type = \"NONE\") "
                                      "and has no KMS key")
    # no key next to an encryption type the file cannot read
    assert gaps(rule, text % "  encryption_type = var.t\n  retention_period = 48\n", ctx) == []


def test_several_actions_make_one_fix_of_one_gap():
    rule = Rule(("dynamodb.Table",), {
        "deletion_protection_enabled": Exactly(True),
        "point_in_time_recovery_specification": Nested({"point_in_time_recovery_enabled": Exactly(True)}),
    }, what="DynamoDB table")
    text = TABLE % ""
    (g,) = gaps(rule, text)
    edits = g.fix()
    assert len(edits) == 1  # applied step by step, returned as one edit
    out = apply_edits(text, edits)
    assert gaps(rule, out) == []
    assert '  name                        = "t"\n  deletion_protection_enabled = true\n' in out
    assert "point_in_time_recovery {\n    enabled = true\n  }" in out


def test_unsafe_rule_reports_missing_properties_as_unsafe_with_its_note():
    enc = [r for r in spec_rules("rds-protection") if r.detail == "storage-encryption"][0]
    text = 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n%s}\n'
    (g,) = gaps(enc, text % "")
    assert (g.unsafe, g.detail) == (True, "storage-encryption")
    assert g.message == "RDS instance 'db' has no storage encryption (enabling it replaces the database)"
    (g,) = gaps(enc, text % "  storage_encrypted = false\n")
    assert g.message == ("RDS instance 'db' has storage encryption disabled (storage_encrypted = false) "
                         "(enabling it replaces the database)")
    assert gaps(enc, text % "  storage_encrypted = true\n") == []
    assert gaps(enc, text % "  storage_encrypted = var.enc\n") == []
    for inherits in ("  replicate_source_db = aws_db_instance.p.identifier\n", '  snapshot_identifier = "s"\n'):
        assert gaps(enc, text % inherits) == []


# ---------------------------------------------------------------------- conditions


def test_conditions_read_native_names_and_missing_properties():
    (rot,) = spec_rules("kms-key-rotation")
    text = 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = %s\n}\n'
    assert gaps(rot, text % '"ECC_NIST_P256"') == []
    assert gaps(rot, text % "var.spec") == []  # unknown: the rule does not apply
    assert len(gaps(rot, text % '"SYMMETRIC_DEFAULT"')) == 1
    assert len(gaps(rot, text % "null")) == 1  # origin does not exist: absent, AWS_KMS
    r = Rule(("kms.Key",), {"description": Explicit("x")}, what="k",
             when=All(Absent("policy"), Not(Present("origin")), Known("description")))
    assert len(gaps(r, 'resource "aws_kms_key" "k" {\n  policy = null\n}\n')) == 1
    assert gaps(r, 'resource "aws_kms_key" "k" {\n  policy = "{}"\n}\n') == []


def test_present_reads_nested_blocks_and_flattened_structures():
    r = Rule(("kinesis.Stream",), {"shard_count": Explicit(1)}, what="s", when=Present("stream_encryption"))
    assert gaps(r, 'resource "aws_kinesis_stream" "s" {\n  name = "s"\n}\n') == []
    assert len(gaps(r, 'resource "aws_kinesis_stream" "s" {\n  kms_key_id = "k"\n}\n')) == 1
    r = Rule(("rds.DBCluster",), {"x": Explicit(1)}, what="c", when=Present("source_db_cluster_identifier"))
    assert len(gaps(r, 'resource "aws_rds_cluster" "c" {\n  restore_to_point_in_time {\n'
                       '    source_cluster_identifier = "a"\n  }\n}\n')) == 1
    assert gaps(r, 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n}\n') == []


def test_elasticache_node_counts():
    resilience = spec_rules("elasticache-encryption")[0]
    ctx = Context("terraform", {"snapshot_retention_days": 7})

    def labels(body):
        found = gaps(resilience, 'resource "aws_elasticache_replication_group" "g" {\n%s}\n' % body, ctx)
        return found[0].message.split(" has no ")[-1] if found else ""

    assert labels("") == "snapshot retention"
    assert labels("  num_cache_clusters = 3\n") == "automatic failover, Multi-AZ and snapshot retention"
    assert labels("  num_node_groups = 2\n  replicas_per_node_group = 1\n").startswith("automatic failover")
    assert labels("  num_node_groups = 2\n") == "snapshot retention"
    assert labels("  num_cache_clusters = var.n\n") == "snapshot retention"


def test_by_prop_values_follow_the_engine_literal():
    r = Rule(("rds.DBInstance",), {"enable_cloudwatch_logs_exports": Explicit(ByProp("engine", {"postgres": ["postgresql"]}))},
             what="RDS instance")
    text = 'resource "aws_db_instance" "db" {\n  engine = %s\n}\n'
    assert fixed(r, text % '"Postgres"').endswith('enabled_cloudwatch_logs_exports = ["postgresql"]\n}\n')
    assert gaps(r, text % '"oracle-ee"') == [] and gaps(r, text % "var.engine") == []


def test_the_only_key_is_referenced_when_there_is_exactly_one():
    key = TheOnly("kms.Key", "key_id")
    r = Rule(("sqs.Queue",), {"kms_master_key_id": Explicit(key)}, what="SQS queue", when=Has(key))
    queue = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n'
    k = 'resource "aws_kms_key" "%s" {\n%s}\n\n'
    assert fixed(r, k % ("main", "") + queue).endswith("kms_master_key_id = aws_kms_key.main.key_id\n}\n")
    assert gaps(r, k % ("a", "") + k % ("b", "") + queue) == []
    assert gaps(r, k % ("a", "  count = 2\n") + queue) == []


def test_hooks_runs_at_edge_and_default_where_there_is_none():
    (limits,) = spec_rules("lambda-limits")
    ctx = Context("terraform", {"timeout_seconds": 30, "memory_mb": 512})
    fn = 'resource "aws_lambda_function" "%s" {\n  function_name = "%s"\n  publish = true\n}\n\n'
    dist = ('resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n'
            '    lambda_function_association {\n      event_type = "viewer-request"\n'
            '      lambda_arn = %s\n    }\n  }\n}\n')
    text = fn % ("edge", "edge") + fn % ("api", "api") + dist % "aws_lambda_function.edge.qualified_arn"
    assert [g.resource_name for g in gaps(limits, text, ctx)] == ["api"]
    alias = 'resource "aws_lambda_alias" "live" {\n  function_name = aws_lambda_function.edge.function_name\n}\n\n'
    text = fn % ("edge", "edge") + alias + dist % "aws_lambda_alias.live.arn"
    assert gaps(limits, text, ctx) == []
    other = Rule(("lambda.Function",), {"timeout": Explicit(1)}, what="f", when=Hook("no_such_hook", default=True))
    assert len(gaps(other, fn % ("a", "a"))) == 1


# ---------------------------------------------------------------------- placement


def test_order_places_added_arguments_before_those_ranked_after_them():
    enc = Rule(("rds.DBInstance",), {"storage_encrypted": Exactly(True)}, what="RDS instance")
    text = ('resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n'
            '  backup_retention_period = 7\n  deletion_protection     = true\n}\n')
    assert fixed(enc, text) == ('resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n'
                                '  storage_encrypted       = true\n  backup_retention_period = 7\n'
                                '  deletion_protection     = true\n}\n')


def test_added_arguments_compose_in_any_order():
    limits, concurrency = codemods.lookup("lambda-limits"), codemods.lookup("lambda-concurrency")
    text = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n  role          = "r"\n}\n'

    def run(order):
        t = text
        for cm in order:
            (rule,) = cm.rules
            t = fixed(rule, t, Context("terraform", {**cm.defaults(), "reserved_concurrency": 10}))
        return t

    a, b = run([limits, concurrency]), run([concurrency, limits])
    assert a == b
    assert a.index("timeout") < a.index("memory_size") < a.index("reserved_concurrent_executions")


def test_ranked_block_goes_before_trailing_blocks_ranked_after_it_only():
    text = ('resource "aws_apigatewayv2_stage" "s" {\n  name = "s"\n\n  default_route_settings {\n'
            '    throttling_rate_limit = 1\n  }\n\n  route_settings {\n    route_key = "GET /"\n  }\n}\n')
    doc = tf.parse(text)
    block = tf.render_block("access_log_settings", [], [("format", '"x"')], doc.unit)
    out = apply_edits(text, insert_block(doc, doc.resources()[0], "access_log_settings", block, "aws_apigatewayv2_stage"))
    # route_settings is not ranked: the new block goes last
    assert out.index("route_settings {") < out.index("access_log_settings {")
    text2 = text.replace('\n\n  route_settings {\n    route_key = "GET /"\n  }', "")
    doc2 = tf.parse(text2)
    out2 = apply_edits(text2, insert_block(doc2, doc2.resources()[0], "access_log_settings", block,
                                           "aws_apigatewayv2_stage"))
    assert '  name = "s"\n\n  access_log_settings {\n    format = "x"\n  }\n\n  default_route_settings {' in out2


# ---------------------------------------------------------------------- compiling


def test_rules_that_do_not_exist_in_terraform_compile_to_nothing():
    deployment = Rule(("apigateway.Deployment",), {"stage_description": Nested({"tracing_enabled": Exactly(True)})},
                      what="API stage")
    assert rule_detector(deployment, "x") is None
    origin_only = Rule(("kms.Key",), {"origin": Exactly("AWS_KMS")}, what="KMS key")
    assert rule_detector(origin_only, "x") is None
    cm = Codemod(id="X", slug="x", title="", rationale="", rules=(deployment, origin_only))
    assert compile_rules(cm) is None


@pytest.mark.parametrize("slug", ["api-tracing", "dynamodb-pitr", "ecs-container-insights", "efs-encryption",
                                  "kinesis-encryption", "sqs-encryption", "elasticache-encryption",
                                  "kinesis-shard-metrics", "kms-key-rotation", "lambda-concurrency", "lambda-limits",
                                  "log-retention", "rds-protection"])
def test_every_declarative_codemod_compiles_for_terraform(slug):
    cm = codemods.lookup(slug)
    assert any(rule_detector(r, slug) for r in cm.rules)
    assert "terraform" in cm.languages


def test_rds_read_replicas_and_cluster_members():
    cm = codemods.lookup("rds-protection")
    ctx = Context("terraform", {"backup_retention_days": 7})

    def found(text):
        return [(g.resource_name, g.detail, g.unsafe, g.message) for r in cm.rules for g in gaps(r, text, ctx, cm.slug)]

    replica = ('resource "aws_db_instance" "replica" {\n  identifier          = "replica"\n'
               '  replicate_source_db = aws_db_instance.primary.identifier\n'
               '  instance_class      = "db.t4g.medium"\n}\n')
    assert found(replica) == [("replica", "rds-protection", False,
                               "RDS instance 'replica' has no deletion protection, snapshot tag copying "
                               "and automatic minor version upgrades")]
    member = ('resource "aws_rds_cluster_instance" "m" {\n  cluster_identifier = aws_rds_cluster.c.id\n'
              '  engine             = "aurora-postgresql"\n}\n')
    assert found(member) == [("m", "rds-protection", False, "Aurora instance 'm' has no automatic minor version upgrades")]
    serverless = ('resource "aws_rds_cluster" "c" {\n  engine      = "aurora-mysql"\n  engine_mode = "serverless"\n'
                  '  storage_encrypted = true\n}\n')
    assert found(serverless) == [("c", "rds-protection", False,
                                  "Aurora cluster 'c' has no deletion protection, backup retention and "
                                  "snapshot tag copying")]


def test_a_field_takes_its_structures_off_phrase_else_its_own_label():
    rule = Rule(("dynamodb.Table",), {"point_in_time_recovery_specification": Nested(
        {"point_in_time_recovery_enabled": Exactly(True, label="recovery"), "recovery_period_in_days": Exactly(35)},
        label="PITR")}, what="DynamoDB table")
    text = TABLE % "\n  point_in_time_recovery {\n    enabled                 = false\n    recovery_period_in_days = 7\n  }\n"
    (g,) = gaps(rule, text)
    assert g.message == ("DynamoDB table 't' has recovery disabled (point_in_time_recovery.enabled = false) and "
                         "has PITR disabled (point_in_time_recovery.recovery_period_in_days = 7)")
    (tracing,) = [Rule(("lambda.Function",), {"tracing_config": Nested({"mode": Exactly("Active", label="X-Ray")},
                                                                      off="does not trace")}, what="f")]
    (g,) = gaps(tracing, 'resource "aws_lambda_function" "f" {\n  tracing_config {\n    mode = "PassThrough"\n  }\n}\n')
    assert g.message == "f 'f' does not trace (tracing_config.mode = \"PassThrough\")"


def test_module_calls_by_registry_address_or_repository():
    from iacfix.codemods.lang.terraform import module_calls

    doc = tf.parse('''module "a" {
  source = "terraform-aws-modules/vpc/aws"
}
module "b" {
  source = "registry.terraform.io/terraform-aws-modules/vpc/aws"
}
module "c" {
  source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.8.1"
}
module "d" {
  source = "github.com/terraform-aws-modules/terraform-aws-vpc//modules/vpc-endpoints"
}
module "e" {
  source = "./modules/vpc"
}
module "f" {
  source = var.vpc_module
}
''')
    assert [b.labels[0] for b in module_calls(doc, "terraform-aws-modules/vpc/aws")] == ["a", "b", "c"]


def test_tags_copied_for_a_companion_lose_the_blank_lines_the_dropped_tags_leave():
    """A companion takes its resource's tags without the ones that trace the resource to its
    code (yor's git_* and yor_trace); a blank line that closed the map stays out of the copy."""
    from iacfix.codemods.common.terraform import copied_tags

    doc = tf.parse('resource "aws_rds_cluster" "c" {\n'
                   '  tags = {\n'
                   '    git_file  = "rds.tf"\n'
                   '    yor_trace = "af64"\n'
                   '    Team      = "data"\n'
                   '\n'
                   '  }\n'
                   '}\n')
    [block] = doc.resources("aws_rds_cluster")
    assert copied_tags(doc, block) == 'tags = {\n  Team = "data"\n}'
