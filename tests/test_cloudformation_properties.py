"""The declarative required-properties mechanism for CloudFormation
(codemods/common/cloudformation_properties.py)."""

from __future__ import annotations

import pickle
import textwrap

from iacfix.core import Context
from iacfix.codemods.common.cloudformation_properties import (
    Code, Entry, Exactly, Explicit, Nested, Param, required,
)
from iacfix.core import apply_edits
from iacfix.transforms.cloudformation import Ref, parse


def _t(s: str) -> str:
    return textwrap.dedent(s).lstrip("\n")


def _run(detect, text, **params):
    doc = parse(text)
    return doc, list(detect(doc, Context("cloudformation", params)))


def _fixed(detect, text, **params):
    doc, gaps = _run(detect, text, **params)
    edits = [e for g in gaps for e in g.fix()]
    return apply_edits(doc.text, edits)


ROTATION = required("AWS::KMS::Key", {"EnableKeyRotation": Exactly(True, "key rotation")},
                    what="KMS key", slug="rot")

KEY = _t("""
    Resources:
      Key:
        Type: AWS::KMS::Key
        Properties:
          Description: k
    """)


def test_exactly_missing_is_a_safe_gap_that_adds_the_value():
    _doc, gaps = _run(ROTATION, KEY)
    assert [(g.message, g.unsafe, g.detail) for g in gaps] == [("KMS key 'Key' has no key rotation", False, "rot")]
    assert _fixed(ROTATION, KEY).endswith("      Description: k\n      EnableKeyRotation: true\n")


def test_exactly_explicit_other_literal_is_unsafe_and_replaced():
    text = KEY.replace("Description: k", "EnableKeyRotation: false")
    _doc, gaps = _run(ROTATION, text)
    assert len(gaps) == 1 and gaps[0].unsafe
    assert "EnableKeyRotation: false" in gaps[0].message
    assert _fixed(ROTATION, text) == KEY.replace("Description: k", "EnableKeyRotation: true")


def test_exactly_accepts_a_quoted_or_capitalised_bool_and_ignores_unknowns():
    for value in ("'true'", "True", "!Ref Rotate", "!If [Prod, true, false]", "'{{resolve:ssm:/rotate}}'", ""):
        text = KEY.replace("Description: k", f"EnableKeyRotation: {value}")
        assert _run(ROTATION, text)[1] == [], value


def test_properties_from_an_intrinsic_are_unknown():
    text = KEY.replace("Properties:\n      Description: k", "Properties: !If [Prod, {EnableKeyRotation: true}, {}]")
    assert _run(ROTATION, text)[1] == []


def test_when_hook_skips_resources():
    detect = required("AWS::KMS::Key", {"EnableKeyRotation": Exactly(True)}, what="KMS key", slug="rot",
                      when=_never)
    assert _run(detect, KEY)[1] == []


def _never(doc, res):
    return False


LIMITS = required("AWS::Lambda::Function",
                  {"Timeout": Explicit(Param("timeout"), "timeout"),
                   "MemorySize": Explicit(Param("memory"), "memory size")},
                  what="Lambda function", slug="limits")

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


def test_sam_globals_count_as_set():
    text = _t("""
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 10
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
        """)
    detect = required("AWS::Serverless::Function",
                      {"Timeout": Explicit(30), "MemorySize": Explicit(512, "memory size")},
                      what="Lambda function", slug="limits")
    _doc, gaps = _run(detect, text)
    assert [g.message for g in gaps] == ["Lambda function 'Fn' has no memory size"]


PITR = required("AWS::DynamoDB::Table",
                {"PointInTimeRecoverySpecification": Nested(
                    {"PointInTimeRecoveryEnabled": Exactly(True, "point-in-time recovery")}, "point-in-time recovery"),
                 "TableClass": Explicit("STANDARD", "table class")},
                what="Table", slug="pitr")


def test_nested_missing_is_added_whole_and_merged_when_present():
    text = _t("""
        Resources:
          T:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification:
                RecoveryPeriodInDays: 7
        """)
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
    assert len(gaps) == 1 and gaps[0].unsafe
    assert "{PointInTimeRecoveryEnabled: true}" in _fixed(PITR, text)
    unknown = text.replace("{PointInTimeRecoveryEnabled: false}", "!If [Prod, {PointInTimeRecoveryEnabled: true}, !Ref AWS::NoValue]")
    assert _run(PITR, unknown)[1] == []


INSIGHTS = required("AWS::ECS::Cluster",
                    {"ClusterSettings": Entry("Name", "containerInsights",
                                              {"Value": Exactly("enabled", also=("enhanced",))}, "Container Insights")},
                    what="ECS cluster", slug="ci")


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
    assert len(gaps) == 1 and gaps[0].unsafe
    assert _run(INSIGHTS, _cluster("      ClusterSettings:\n        - Name: !Ref S\n          Value: enabled\n"))[1] == []
    assert _run(INSIGHTS, _cluster("      ClusterSettings: !Ref Settings\n"))[1] == []


def _key_ref(doc, res, ctx):
    return Ref("QueueKey") if ctx.params.get("use_key") else None


def test_code_values_and_pickling():
    detect = required("AWS::SQS::Queue", {"KmsMasterKeyId": Explicit(Code(_key_ref), "encryption")},
                      what="Queue", slug="enc")
    text = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n"
    assert _run(detect, text, use_key=False)[1] == []
    assert _fixed(detect, text, use_key=True).endswith("      KmsMasterKeyId: !Ref QueueKey\n")
    assert pickle.loads(pickle.dumps(detect)).slug == "enc"  # run in parallel workers


def test_gap_position_and_stable_key():
    doc, gaps = _run(ROTATION, "# header\n" + KEY)
    assert (gaps[0].line, gaps[0].column, gaps[0].key) == (3, 3, "AWS::KMS::Key|Key|rot")
