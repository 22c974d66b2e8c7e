"""The CloudFormation editor: replacing an entry
(replace_entry; raw() of a one-line value under its key)."""

from __future__ import annotations

import textwrap

import pytest

from iacfix.core import FixError, apply_edits
from iacfix.transforms import cloudformation as cfn
from iacfix.transforms.cloudformation import GetAtt, Sub


def doc(text: str) -> cfn.CfnDoc:
    return cfn.parse(textwrap.dedent(text).lstrip("\n"))


def edited(d: cfn.CfnDoc, *edits) -> str:
    out = apply_edits(d.text, list(edits))
    cfn.parse(out)
    return out


def statement(d: cfn.CfnDoc, i: int = 0):
    return cfn.get(d.resource("P").prop("PolicyDocument"), "Statement").value[i]


POLICY = """
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'  # everything
          - {Effect: Allow, Action: s3:PutObject, Resource: '*'}
"""


def test_replace_entry_with_a_list_writes_a_block_list_under_the_key():
    d = doc(POLICY)
    out = edited(d, d.replace_entry(statement(d), "Resource", [GetAtt("B", "Arn"), Sub("${B.Arn}/*")]))
    assert "            Resource:\n              - !GetAtt B.Arn\n              - !Sub '${B.Arn}/*'  # everything\n" in out


def test_replace_entry_with_one_value_stays_on_the_key_line():
    d = doc(POLICY)
    out = edited(d, d.replace_entry(statement(d), "Resource", GetAtt("B", "Arn")))
    assert "            Resource: !GetAtt B.Arn  # everything\n" in out


def test_replace_entry_in_a_flow_mapping_stays_on_one_line():
    d = doc(POLICY)
    out = edited(d, d.replace_entry(statement(d, 1), "Resource", [GetAtt("B", "Arn"), Sub("${B.Arn}/*")]))
    assert "- {Effect: Allow, Action: s3:PutObject, Resource: [!GetAtt B.Arn, !Sub '${B.Arn}/*']}" in out


def test_replace_entry_in_json_indents_the_list_under_its_key():
    d = cfn.parse('{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::ManagedPolicy",\n'
                  '      "Properties": {"PolicyDocument": {"Statement": [\n        {\n'
                  '          "Effect": "Allow",\n          "Resource": "*"\n        }\n      ]}}\n    }\n  }\n}\n')
    out = edited(d, d.replace_entry(statement(d), "Resource", [GetAtt("B", "Arn"), "x"]))
    assert ('          "Resource": [\n            {"Fn::GetAtt": ["B", "Arn"]},\n            "x"\n          ]\n'
            in out)


def test_replace_entry_of_a_missing_key_refuses():
    d = doc(POLICY)
    with pytest.raises(FixError):
        d.replace_entry(statement(d), "NotResource", "x")


def test_raw_of_a_one_line_list_under_its_key_keeps_it_under_the_key():
    d = doc("""
        Resources:
          S:
            Type: AWS::ApiGateway::Stage
            Properties:
              Tags:
                -  {Key: team, Value: store}
        """)
    props = d.resource("S").properties
    raw = d.raw(cfn.get(props, "Tags"), cfn.key_node(props, "Tags"))
    assert raw.inline is False
    assert raw.lines_at(4) == ["      -  {Key: team, Value: store}"]


def test_add_section_goes_before_the_first_later_section_and_its_comments_with_blank_lines():
    d = doc("""
        AWSTemplateFormatVersion: '2010-09-09'

        # the stack
        Resources:
          Q:
            Type: AWS::SQS::Queue
        """)
    out = edited(d, d.add_section("Parameters", {"Env": {"Type": "String"}}, ("Conditions", "Resources")))
    assert out == ("AWSTemplateFormatVersion: '2010-09-09'\n\nParameters:\n  Env:\n    Type: String\n\n"
                   "# the stack\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n")


def test_add_section_without_blank_lines_adds_none_and_appends_when_no_later_section():
    d = doc("""
        Resources:
          Q:
            Type: AWS::SQS::Queue
        """)
    out = edited(d, d.add_section("Outputs", {"Url": {"Value": "x"}}, ()))
    assert out == "Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  Url:\n    Value: x\n"


def test_add_section_in_json_goes_before_the_section():
    d = cfn.parse('{\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue"}\n  }\n}\n')
    out = edited(d, d.add_section("Parameters", {"Env": {"Type": "String"}}, ("Resources",)))
    assert out.startswith('{\n  "Parameters": {\n    "Env": {\n      "Type": "String"\n    }\n  },\n  "Resources"')


def test_insert_resource_after_can_write_list_items_on_one_line():
    d = doc("""
        Resources:
          Q:
            Type: AWS::SQS::Queue
        """)
    body = {"Type": "AWS::Logs::LogGroup", "Properties": {"Tags": [{"Key": "team", "Value": "a"}]}}
    out = edited(d, d.insert_resource_after(d.resource("Q"), "L", body, flow_items=True))
    assert out.endswith("  L:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      Tags:\n"
                        "        - { Key: team, Value: a }\n")
    block = edited(d, d.insert_resource_after(d.resource("Q"), "L", body))
    assert block.endswith("      Tags:\n        - Key: team\n          Value: a\n")
