"""The CloudFormation adapter (codemods/lang/cloudformation.py): neutral rules read and
written the way templates spell them."""

from __future__ import annotations

import textwrap

import pytest

from iacfix.codemods.lang import cloudformation as cfn
from iacfix.codemods.spec import (
    ABSENT, UNKNOWN, Above, All, AtLeast, ByProp, Codemod, Entry, Exactly, Explicit, Has, Hook, Is, Known, Nested,
    Not, Param, Present, Rule, TheOnly,
)
from iacfix.core import Context, apply_edits
from iacfix.transforms.cloudformation import GetAtt, Ref, parse


def _t(s: str) -> str:
    return textwrap.dedent(s).lstrip("\n")


def _run(rule, text, hooks=None, **params):
    doc = parse(text)
    detect = cfn.rule_detector(rule, "slug", hooks)
    return doc, list(detect(doc, Context("cloudformation", params)))


def _fixed(rule, text, hooks=None, **params):
    doc, gaps = _run(rule, text, hooks, **params)
    return apply_edits(doc.text, [e for g in gaps for e in g.fix()])


# ---------------------------------------------------------------------- kinds and names


def test_kinds_are_cloudformation_types_plus_the_sam_type_of_the_same_thing():
    assert cfn.types_of("kms.Key") == ("AWS::KMS::Key",)
    assert cfn.types_of("lambda.Function") == ("AWS::Lambda::Function", "AWS::Serverless::Function")
    assert cfn.types_of("apigateway.Stage") == ("AWS::ApiGateway::Stage", "AWS::Serverless::Api")
    assert cfn.types_of("elasticache.ReplicationGroup") == ("AWS::ElastiCache::ReplicationGroup",)
    assert cfn.types_of("nosuch.Thing") == ()
    assert cfn.kind_of("AWS::Serverless::Api") == "apigateway.Stage"
    assert cfn.kind_of("AWS::RDS::DBCluster") == "rds.DBCluster"
    assert cfn.kind_of("Custom::Thing") is None


def test_names_are_pascal_case_with_acronyms_and_per_type_exceptions():
    assert cfn.native("AWS::ElastiCache::ReplicationGroup", "multi_az_enabled") == ("MultiAZEnabled",)
    assert cfn.native("AWS::RDS::DBInstance", "db_cluster_identifier") == ("DBClusterIdentifier",)
    assert cfn.native("AWS::RDS::DBInstance", "enable_cloudwatch_logs_exports") == ("EnableCloudwatchLogsExports",)
    assert cfn.native("AWS::Kinesis::Stream", "stream_encryption.key_id") == ("StreamEncryption", "KeyId")
    # SAM flattens Lambda's TracingConfig.Mode into Tracing
    assert cfn.native("AWS::Lambda::Function", "tracing_config.mode") == ("TracingConfig", "Mode")
    assert cfn.native("AWS::Serverless::Function", "tracing_config.mode") == ("Tracing",)
    assert cfn.native("AWS::Serverless::Function", "tracing_config") == ()
    # a property CloudFormation does not have
    assert cfn.native("AWS::Kinesis::Stream", "shard_level_metrics") is None


def test_a_rule_on_a_property_cloudformation_lacks_has_no_detector():
    rule = Rule(("kinesis.Stream",), {"shard_level_metrics": Explicit(["IncomingBytes"])}, what="Kinesis stream")
    assert cfn.rule_detector(rule, "x") is None
    assert cfn.compile_rules(Codemod("X", "x", "t", "r", rules=(rule,))) is None
    assert cfn.rule_detector(Rule(("nosuch.Thing",), {"a": Explicit(1)}, what="x"), "x") is None


# ---------------------------------------------------------------------- values


@pytest.mark.parametrize("text,value", [
    ("true", True), ("'True'", True), ('"false"', False), ("7", 7), ("'20'", 20), ("1.5", 1.5),
    ("postgres", "postgres"), ("[a, b]", ["a", "b"]), ("{A: 1}", {"A": 1}),
    ("!Ref P", UNKNOWN), ("", UNKNOWN), ("'{{resolve:ssm:/x}}'", UNKNOWN), ("[a, !Ref P]", UNKNOWN),
    ("{Ref: P}", UNKNOWN),
])
def test_literals_read_back(text, value):
    doc = parse(f"Resources:\n  R:\n    Type: X\n    Properties:\n      V: {text}\n")
    assert cfn.literal(doc.resource("R").prop("V")) == value
    assert cfn.literal(None) is ABSENT


def test_matches_compares_strings_as_written_and_leaves_references_alone():
    doc = parse("Resources:\n  R:\n    Type: X\n    Properties:\n      A: '007'\n      B: 'TRUE'\n      C: !Ref P\n")
    a, b, c = (doc.resource("R").prop(k) for k in "ABC")
    assert cfn.matches(a, "007") is True and cfn.matches(a, "7") is False and cfn.matches(a, 7) is True
    assert cfn.matches(b, True) is True and cfn.matches(b, False) is False
    assert cfn.matches(c, True) is UNKNOWN
    assert cfn.matches(a, Ref("K")) is UNKNOWN


# ---------------------------------------------------------------------- requirements

ROTATION = Rule(("kms.Key",), {"enable_key_rotation": Exactly(True, label="key rotation")}, what="KMS key")

KEY = _t("""
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          Description: k
    """)


def test_exactly_missing_is_a_safe_gap_that_adds_the_value():
    _doc, gaps = _run(ROTATION, KEY)
    assert [(g.message, g.unsafe, g.detail) for g in gaps] == [("KMS key 'Key' has no key rotation", False, "slug")]
    assert _fixed(ROTATION, KEY).endswith("      Description: k\n      EnableKeyRotation: true\n")


def test_exactly_explicit_other_literal_is_unsafe_and_replaced():
    text = KEY.replace("Description: k", "EnableKeyRotation: false")
    _doc, gaps = _run(ROTATION, text)
    assert [(g.message, g.unsafe) for g in gaps] == [
        ("KMS key 'Key' has key rotation disabled (EnableKeyRotation: false)", True)]
    assert _fixed(ROTATION, text) == KEY.replace("Description: k", "EnableKeyRotation: true")


@pytest.mark.parametrize("value", ["'true'", "True", "!Ref Rotate", "!If [Prod, true, false]",
                                   "'{{resolve:ssm:/rotate}}'", ""])
def test_exactly_accepts_a_quoted_or_capitalised_bool_and_ignores_unknowns(value):
    text = KEY.replace("Description: k", f"EnableKeyRotation: {value}")
    assert _run(ROTATION, text)[1] == []


def test_properties_from_an_intrinsic_are_unknown_and_empty_properties_get_filled():
    text = KEY.replace("Properties:\n      Description: k", "Properties: !If [Prod, {EnableKeyRotation: true}, {}]")
    assert _run(ROTATION, text)[1] == []
    empty = KEY.replace("      Description: k\n", "")
    assert _fixed(ROTATION, empty) == empty + "      EnableKeyRotation: true\n"
    none = empty.replace("    Properties:\n", "")
    assert _fixed(ROTATION, none) == none + "    Properties:\n      EnableKeyRotation: true\n"


LIMITS = Rule(("lambda.Function",), {"timeout": Explicit(Param("timeout"), label="timeout"),
                                     "memory_size": Explicit(Param("memory"), label="memory size")},
              what="Lambda function")

FUNCTION = _t("""
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Handler: index.handler
          Tags:
            - Key: Team
              Value: a
    """)


def test_one_gap_per_resource_naming_everything_missing_and_params_used():
    _doc, gaps = _run(LIMITS, FUNCTION, timeout=30, memory=512)
    assert [g.message for g in gaps] == ["Lambda function 'Fn' has no timeout and memory size"]
    out = _fixed(LIMITS, FUNCTION, timeout=30, memory=512)
    # added together, before the trailing Tags
    assert "      Handler: index.handler\n      Timeout: 30\n      MemorySize: 512\n      Tags:\n" in out


def test_explicit_any_value_is_compliant_and_an_empty_param_drops_the_requirement():
    text = FUNCTION.replace("Handler: index.handler", "Handler: index.handler\n      Timeout: !Ref T")
    _doc, gaps = _run(LIMITS, text, timeout=30, memory=512)
    assert [g.message for g in gaps] == ["Lambda function 'Fn' has no memory size"]
    assert _run(LIMITS, FUNCTION, timeout=30, memory="")[1][0].message == "Lambda function 'Fn' has no timeout"
    assert _run(LIMITS, FUNCTION, timeout=None, memory="")[1] == []


GROUP = (
    "Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n"
    "      Engine: redis\n{extra}"
)
SNAPSHOTS = Rule(("elasticache.ReplicationGroup",),
                 {"snapshot_retention_limit": Explicit(Param("days"), reject=(0,), label="snapshot retention",
                                                       off="has snapshots disabled")},
                 what="Group")


@pytest.mark.parametrize("extra,unsafe,message", [
    ("", False, "Group 'Cache' has no snapshot retention"),
    ("      SnapshotRetentionLimit: 0\n", True, "Group 'Cache' has snapshots disabled (SnapshotRetentionLimit: 0)"),
    ("      SnapshotRetentionLimit: '0'\n", True,
     "Group 'Cache' has snapshots disabled (SnapshotRetentionLimit: '0')"),
])
def test_explicit_rejected_literals_are_unsafe_and_replaced(extra, unsafe, message):
    doc, gaps = _run(SNAPSHOTS, GROUP.format(extra=extra), days=7)
    assert [(g.message, g.unsafe) for g in gaps] == [(message, unsafe)]
    assert apply_edits(doc.text, gaps[0].fix()).endswith("      Engine: redis\n      SnapshotRetentionLimit: 7\n")


def test_explicit_keeps_other_values_and_unknowns():
    for extra in ("      SnapshotRetentionLimit: 1\n", "      SnapshotRetentionLimit: !Ref Days\n"):
        assert _run(SNAPSHOTS, GROUP.format(extra=extra), days=7)[1] == []


def test_an_unsafe_rule_reports_a_missing_property_as_unsafe_with_its_note_and_detail():
    rule = Rule(("elasticache.ReplicationGroup",), {"at_rest_encryption_enabled": Exactly(True, label="encryption")},
                what="Group", unsafe=True, detail="enc", note="it replaces the group")
    _doc, gaps = _run(rule, GROUP.format(extra=""))
    assert [(g.message, g.unsafe, g.detail) for g in gaps] == [
        ("Group 'Cache' has no encryption (it replaces the group)", True, "enc")]
    assert _run(rule, GROUP.format(extra="      AtRestEncryptionEnabled: true\n"))[1] == []


BACKUPS = Rule(("rds.DBInstance",), {"backup_retention_period": AtLeast(Param("days"), Param("days"),
                                                                        label="backup retention",
                                                                        off="has too short a backup retention")},
               what="RDS instance")
DB = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n{extra}"


def test_at_least_replaces_a_number_below_the_minimum_and_keeps_the_rest():
    doc, gaps = _run(BACKUPS, DB.format(extra="      BackupRetentionPeriod: 1\n"), days=7)
    assert [(g.message, g.unsafe) for g in gaps] == [
        ("RDS instance 'Db' has too short a backup retention (BackupRetentionPeriod: 1)", True)]
    assert apply_edits(doc.text, gaps[0].fix()).endswith("      BackupRetentionPeriod: 7\n")
    for ok in ("7", "'30'", "!Ref Days"):
        assert _run(BACKUPS, DB.format(extra=f"      BackupRetentionPeriod: {ok}\n"), days=7)[1] == [], ok
    assert _fixed(BACKUPS, DB.format(extra=""), days=7).endswith("      Engine: postgres\n      BackupRetentionPeriod: 7\n")


PITR = Rule(("dynamodb.Table",),
            {"point_in_time_recovery_specification": Nested(
                {"point_in_time_recovery_enabled": Exactly(True, label="point-in-time recovery")},
                label="point-in-time recovery"),
             "table_class": Explicit("STANDARD", label="table class")},
            what="Table")


def test_nested_missing_is_added_whole_and_merged_when_present():
    text = _t("""
        Resources:
          T:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification:
                RecoveryPeriodInDays: 7
        """)
    _doc, gaps = _run(PITR, text)
    assert [g.message for g in gaps] == ["Table 'T' has no point-in-time recovery and table class"]
    out = _fixed(PITR, text)
    # the nested field first, then the property after the mapping, at the same offset
    assert out.endswith("        RecoveryPeriodInDays: 7\n        PointInTimeRecoveryEnabled: true\n"
                        "      TableClass: STANDARD\n")
    bare = text.replace("      PointInTimeRecoverySpecification:\n        RecoveryPeriodInDays: 7\n", "      BillingMode: X\n")
    assert _fixed(PITR, bare).endswith("      PointInTimeRecoverySpecification:\n"
                                       "        PointInTimeRecoveryEnabled: true\n      TableClass: STANDARD\n")


def test_nested_wrong_value_is_unsafe_and_an_intrinsic_mapping_unknown():
    text = _t("""
        Resources:
          T:
            Type: AWS::DynamoDB::Table
            Properties:
              TableClass: STANDARD
              PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: false}
        """)
    _doc, gaps = _run(PITR, text)
    assert [(g.message, g.unsafe) for g in gaps] == [
        ("Table 'T' has point-in-time recovery disabled (PointInTimeRecoveryEnabled: false)", True)]
    assert "{PointInTimeRecoveryEnabled: true}" in _fixed(PITR, text)
    unknown = text.replace("{PointInTimeRecoveryEnabled: false}",
                           "!If [Prod, {PointInTimeRecoveryEnabled: true}, !Ref AWS::NoValue]")
    assert _run(PITR, unknown)[1] == []


def test_a_nested_off_phrase_names_its_wrong_fields():
    rule = Rule(("kinesis.Stream",), {"stream_encryption": Nested(
        {"encryption_type": Exactly("KMS", label="KMS encryption")}, label="KMS encryption", off="is not encrypted")},
        what="Kinesis stream")
    text = "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n" \
           "        EncryptionType: NONE\n"
    assert [g.message for g in _run(rule, text)[1]] == ["Kinesis stream 'S' is not encrypted (EncryptionType: NONE)"]


INSIGHTS = Rule(("ecs.Cluster",),
                {"cluster_settings": Entry("name", "containerInsights",
                                           {"value": Exactly("enabled", accept=("enhanced",),
                                                             label="Container Insights")},
                                           label="Container Insights")},
                what="ECS cluster")


def _cluster(settings: str) -> str:
    return "Resources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: c\n" + settings


def test_entry_appended_checked_and_unknown():
    assert _fixed(INSIGHTS, _cluster("")).endswith(
        "      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n")
    other = "      ClusterSettings:\n        - {Name: other, Value: x}\n"
    assert _fixed(INSIGHTS, _cluster(other)).endswith(
        "        - {Name: other, Value: x}\n        - {Name: containerInsights, Value: enabled}\n")
    assert _run(INSIGHTS, _cluster("      ClusterSettings:\n        - Name: containerInsights\n          Value: enhanced\n"))[1] == []
    _doc, gaps = _run(INSIGHTS, _cluster("      ClusterSettings:\n        - Name: containerInsights\n          Value: disabled\n"))
    assert [(g.message, g.unsafe) for g in gaps] == [
        ("ECS cluster 'C' has Container Insights disabled (Value: disabled)", True)]
    no_value = _cluster("      ClusterSettings:\n        - Name: containerInsights\n")
    assert _fixed(INSIGHTS, no_value).endswith("        - Name: containerInsights\n          Value: enabled\n")
    assert _run(INSIGHTS, _cluster("      ClusterSettings:\n        - Name: !Ref S\n          Value: enabled\n"))[1] == []
    assert _run(INSIGHTS, _cluster("      ClusterSettings: !Ref Settings\n"))[1] == []


def test_a_new_list_of_mappings_follows_the_templates_flow_style():
    text = _cluster("      Tags:\n        - {Key: a, Value: b}\n        - {Key: c, Value: d}\n")
    assert "      ClusterSettings:\n        - {Name: containerInsights, Value: enabled}\n      Tags:" in \
        _fixed(INSIGHTS, text)
    block = _cluster("      Tags:\n        - Key: a\n          Value: b\n")
    assert "      ClusterSettings:\n        - Name: containerInsights\n          Value: enabled\n      Tags:" in \
        _fixed(INSIGHTS, block)


# ---------------------------------------------------------------------- conditions


def _gaps_for(rule, text, **params):
    return [g.resource_name for g in _run(rule, text, **params)[1]]


ROTATABLE = Rule(("kms.Key",), {"enable_key_rotation": Exactly(True)}, what="KMS key",
                 when=All(Is("key_spec", "SYMMETRIC_DEFAULT", missing=True), Is("origin", "AWS_KMS", missing=True)))


@pytest.mark.parametrize("props,found", [
    ("Description: k", True), ("KeySpec: SYMMETRIC_DEFAULT", True), ("KeySpec: RSA_2048", False),
    ("KeySpec: !Ref Spec", False), ("Origin: EXTERNAL", False), ("Origin: AWS_KMS", True),
])
def test_is_with_missing_and_unknown(props, found):
    assert bool(_gaps_for(ROTATABLE, KEY.replace("Description: k", props))) is found


def test_above_known_and_not_are_three_valued():
    several = Rule(("elasticache.ReplicationGroup",), {"multi_az_enabled": Exactly(True)}, what="G",
                   when=Above("num_cache_clusters", 1))
    assert _gaps_for(several, GROUP.format(extra="      NumCacheClusters: '2'\n")) == ["Cache"]
    assert _gaps_for(several, GROUP.format(extra="      NumCacheClusters: 1\n")) == []
    assert _gaps_for(several, GROUP.format(extra="      NumCacheClusters: !Ref N\n")) == []
    assert _gaps_for(several, GROUP.format(extra="")) == []
    # a requirement's own condition reads a nested path
    key = Rule(("kinesis.Stream",), {"stream_encryption": Nested({
        "encryption_type": Explicit("KMS"),
        "key_id": Explicit("alias/aws/kinesis", when=Known("stream_encryption.encryption_type"))})}, what="S")
    stream = "Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n" \
             "        EncryptionType: {t}\n"
    assert _fixed(key, stream.format(t="KMS")).endswith("        KeyId: alias/aws/kinesis\n")
    assert _run(key, stream.format(t="!Ref T"))[1] == []
    unencrypted = Rule(("efs.FileSystem",), {"kms_key_id": Explicit("k", when=Not(Is("encrypted", True)))}, what="F")
    fs = "Resources:\n  F:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: {e}\n"
    assert [_gaps_for(unencrypted, fs.format(e=e)) for e in ("false", "true", "!Ref E")] == [["F"], [], []]


def test_by_prop_picks_the_value_by_another_literal_folded():
    rule = Rule(("rds.DBInstance",), {"enable_cloudwatch_logs_exports": Explicit(
        ByProp("engine", {"postgres": ["postgresql", "upgrade"]}))}, what="RDS instance")
    assert _fixed(rule, DB.format(extra="").replace("postgres", "PostgreS")).endswith(
        "      EnableCloudwatchLogsExports:\n        - postgresql\n        - upgrade\n")
    assert _run(rule, DB.format(extra="").replace("postgres", "oracle-ee"))[1] == []
    assert _run(rule, DB.format(extra="").replace("postgres", "!Ref Engine"))[1] == []


def test_present_and_sam_globals_count_as_set_and_are_not_checked():
    text = _t("""
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 10
            Tracing: PassThrough
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
        """)
    _doc, gaps = _run(LIMITS, text, timeout=30, memory=512)
    assert [g.message for g in gaps] == ["Lambda function 'Fn' has no memory size"]
    tracing = Rule(("lambda.Function",), {"tracing_config": Nested({"mode": Exactly("Active", label="tracing")})},
                   what="Lambda function")
    assert _run(tracing, text)[1] == []  # set in Globals: the finding would be on the Globals
    assert _fixed(tracing, text.replace("    Tracing: PassThrough\n", "")).endswith(
        "      Handler: index.handler\n      Tracing: Active\n")
    wrong = text.replace("    Tracing: PassThrough\n", "").replace("index.handler", "index.handler\n      Tracing: Disabled")
    _doc, gaps = _run(tracing, wrong)
    assert [(g.message, g.unsafe) for g in gaps] == [("Lambda function 'Fn' has tracing disabled (Tracing: Disabled)", True)]
    gated = Rule(("lambda.Function",), {"memory_size": Explicit(1)}, what="F", when=Present("timeout"))
    assert _gaps_for(gated, text) == ["Fn"]  # Timeout read from the Globals


# ---------------------------------------------------------------------- hooks and references

EDGE = _t("""
    Resources:
      Edge:
        Type: AWS::Lambda::Function
        Properties:
          Handler: a
      EdgeVersion:
        Type: AWS::Lambda::Version
        Properties:
          FunctionName: !Ref Edge
      Plain:
        Type: AWS::Lambda::Function
        Properties:
          Handler: b
      Cdn:
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            DefaultCacheBehavior:
              LambdaFunctionAssociations:
                - EventType: viewer-request
                  LambdaFunctionARN: !Ref EdgeVersion
    """)


def test_runs_at_edge_hook_and_local_hooks():
    rule = Rule(("lambda.Function",), {"timeout": Explicit(30)}, what="F", when=Not(Hook("runs_at_edge", default=False)))
    assert _gaps_for(rule, EDGE) == ["Plain"]
    unknown = Rule(("lambda.Function",), {"timeout": Explicit(30)}, what="F", when=Hook("nosuch", default=True))
    assert _gaps_for(unknown, EDGE) == ["Edge", "Plain"]
    computed = Rule(("lambda.Function",), {"timeout": Explicit(Hook("t"))}, what="F")
    assert _fixed(computed, FUNCTION, hooks={"t": lambda doc, res, ctx: 42}).count("Timeout: 42") == 1
    assert _run(computed, FUNCTION)[1] == []  # no such hook: nothing to write


QUEUES = _t("""
    Resources:
      Key:
        Type: AWS::KMS::Key
        Condition: Prod
      A:
        Type: AWS::SQS::Queue
        Condition: Prod
        Properties:
          DelaySeconds: 0
      B:
        Type: AWS::SQS::Queue
        Properties:
          DelaySeconds: 0
    """)


def test_the_only_key_under_the_same_condition():
    rule = Rule(("sqs.Queue",), {"kms_master_key_id": Explicit(TheOnly("kms.Key", "key_id"))}, what="Q",
                when=Has(TheOnly("kms.Key", "key_id")))
    out = _fixed(rule, QUEUES)
    assert out.count("KmsMasterKeyId: !Ref Key") == 1 and _gaps_for(rule, QUEUES) == ["A"]
    arn = Rule(("sqs.Queue",), {"kms_master_key_id": Explicit(TheOnly("kms.Key"))}, what="Q")
    assert "KmsMasterKeyId: !GetAtt Key.Arn" in _fixed(arn, QUEUES)
    two = QUEUES.replace("  A:\n", "  Key2:\n    Type: AWS::KMS::Key\n  A:\n")
    assert _gaps_for(rule, two) == []
    assert cfn.the_only(parse(QUEUES), parse(QUEUES).resource("A"), TheOnly("kms.Key", "key_id")) == Ref("Key")
    assert cfn.the_only(parse(QUEUES), parse(QUEUES).resource("A"), TheOnly("kms.Key")) == GetAtt("Key", "Arn")


# ---------------------------------------------------------------------- placement


def test_order_puts_new_properties_before_the_trailing_run_ranked_after_them():
    text = _t("""
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Handler: index.handler
              # concurrency reviewed in OPS-7
              ReservedConcurrentExecutions: 5
              DeadLetterConfig:
                TargetArn: arn:aws:sqs:eu-west-1:123456789012:dlq
        """)
    out = _fixed(LIMITS, text, timeout=30, memory=512)
    assert out == text.replace("      # concurrency", "      Timeout: 30\n      MemorySize: 512\n      # concurrency")


def test_properties_added_together_follow_the_order_table_not_the_rule():
    rule = Rule(("lambda.Function",), {"memory_size": Explicit(512), "timeout": Explicit(30)}, what="F")
    assert "      Timeout: 30\n      MemorySize: 512\n      Tags:" in _fixed(rule, FUNCTION)


def test_the_order_table_is_translated_per_type():
    assert cfn._order("AWS::Lambda::Function")[:5] == (
        "Timeout", "MemorySize", "ReservedConcurrentExecutions", "TracingConfig", "DeadLetterConfig")
    assert cfn._order("AWS::Serverless::Function")[3:5] == ("Tracing", "DeadLetterQueue")
    assert cfn._order("AWS::ApiGateway::Deployment", "stage_description")[:2] == ("AccessLogSetting", "TracingEnabled")
    assert cfn._order("AWS::ElastiCache::ReplicationGroup")[:1] == ("CacheParameterGroupName",)
    assert cfn._order("AWS::ElastiCache::ReplicationGroup")[4] == "MultiAZEnabled"


def test_order_in_flow_and_json_mappings():
    flow = "Resources:\n  Fn: {Type: AWS::Lambda::Function, Properties: {Handler: x, ReservedConcurrentExecutions: 5}}\n"
    assert "{Handler: x, Timeout: 30, MemorySize: 512, ReservedConcurrentExecutions: 5}" in \
        _fixed(LIMITS, flow, timeout=30, memory=512)
    js = _t("""
        {
          "Resources": {
            "Fn": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Handler": "x",
                "ReservedConcurrentExecutions": 5
              }
            }
          }
        }
        """)
    out = _fixed(LIMITS, js, timeout=30, memory=512)
    assert '"Handler": "x",\n        "Timeout": 30,\n        "MemorySize": 512,\n        "ReservedConcurrentExecutions": 5\n' in out


def test_gap_position_and_stable_key():
    doc, gaps = _run(ROTATION, "# header\n" + KEY)
    assert (gaps[0].line, gaps[0].column, gaps[0].key) == (3, 3, "AWS::KMS::Key|Key|slug")


# ---------------------------------------------------------------------- the catalog


def test_the_declarative_codemods_run_on_the_adapter_alone():
    import importlib.util

    import iacfix.codemods as codemods

    ruled = [cm for cm in codemods.CATALOG if cm.rules]
    assert len(ruled) == 15  # the 13 of issue 9, rds-gp3-storage and rds-windows
    for cm in ruled:
        if cm.slug == "log-retention":
            continue  # its module writes a function's log group, which no rule says
        module = f"iacfix.codemods.{cm.slug.replace('-', '_')}.cloudformation"
        assert importlib.util.find_spec(module) is None, module  # else findings would be reported twice
        assert ("cloudformation" in cm.languages) is ("cloudformation" not in cm.not_applicable), cm.slug
    assert "cloudformation" not in codemods.lookup("kinesis-shard-metrics").languages
