"""Unit tests of the CloudFormation editor (transforms/cloudformation.py) and its shared conventions."""

from __future__ import annotations

import textwrap

import pytest

from iacfix.codemods.common.cloudformation import add_word, derived_name, env_param, kebab, render
from iacfix.core import FixError, ParseError, apply_edits
from iacfix.transforms import cloudformation as cfn
from iacfix.transforms.cloudformation import GetAtt, Raw, Ref, Sub


def doc(text: str) -> cfn.CfnDoc:
    return cfn.parse(textwrap.dedent(text).lstrip("\n"))


def edited(d: cfn.CfnDoc, *edits) -> str:
    out = apply_edits(d.text, list(edits))
    cfn.parse(out)  # every edit must leave a loadable template
    return out


QUEUE = """
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  EnvironmentSuffix:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub 'orders-${EnvironmentSuffix}'  # the name
      Tags:
      - Key: Team
        Value: payments
    # a comment that belongs to Queue

  # Next resource
  Topic:
    Type: AWS::SNS::Topic
"""


# ---------------------------------------------------------------- parsing and lookups


def test_parse_reports_duplicate_keys_and_syntax_errors_with_lines():
    with pytest.raises(ParseError) as e:
        cfn.parse("Resources:\n  A:\n    Type: x\n  A:\n    Type: y\n")
    assert "duplicate key" in e.value.message and e.value.line == 4
    with pytest.raises(ParseError) as e:
        cfn.parse("Resources: [\n")
    assert e.value.message.startswith("invalid YAML")


def test_resources_and_short_form_tags_load():
    d = doc(QUEUE)
    assert [(r.name, r.type) for r in d.resources()] == [("Queue", "AWS::SQS::Queue"), ("Topic", "AWS::SNS::Topic")]
    name = d.resource("Queue").prop("QueueName")
    assert cfn.intrinsic(name)[0] == "Fn::Sub"
    assert env_param(d) == "EnvironmentSuffix"


@pytest.mark.parametrize("value, target", [
    ("!Ref Key", "Key"),
    ("!GetAtt Key.Arn", "Key"),
    ("!GetAtt [Key, KeyId]", "Key"),
    ("{Ref: Key}", "Key"),
    ("{'Fn::GetAtt': [Key, Arn]}", "Key"),
    ("!Sub '${Key.Arn}'", "Key"),
    ("!Sub 'arn:${Key}'", None),  # not a bare reference
    ("alias/x", None),
])
def test_ref_target_reads_every_reference_form(value, target):
    d = cfn.parse(f"Resources:\n  A:\n    Type: X\n    Properties:\n      P: {value}\n")
    assert cfn.ref_target(d.resource("A").prop("P")) == target


def test_refs_in_finds_sub_variables_and_nested_refs():
    d = cfn.parse("Resources:\n  A:\n    Type: X\n    Properties:\n"
                  "      P: !If [C, !Ref One, !Sub 'x-${Two.Arn}-${AWS::Region}']\n")
    assert set(cfn.refs_in(d.resource("A").prop("P"))) == {"One", "Two"}  # not pseudo parameters


def test_content_end_ignores_trailing_comments_and_block_scalar_newlines():
    d = doc("""
        Resources:
          F:
            Type: AWS::Lambda::Function
            Properties:
              Code:
                ZipFile: |
                  print(1)

              # trailing comment
          G:
            Type: X
        """)
    props = d.resource("F").properties
    assert d.text[: d.content_end(props)].endswith("print(1)")


# ---------------------------------------------------------------- style detection


def test_style_of_a_two_space_plain_template():
    st = doc(QUEUE).style
    assert (st.step, st.seq_offset, st.quote, st.short, st.json) == (2, 0, "", True, False)
    assert st.sub_quote == "'"


def test_style_of_a_four_space_double_quoted_template_with_indented_lists():
    st = doc("""
        Resources:
            A:
                Type: "AWS::SQS::Queue"
                Properties:
                    QueueName: "a"
                    Tags:
                        -   Key: "x"
                            Value: "y"
        """).style
    assert (st.step, st.seq_offset, st.dash, st.quote) == (4, 4, 4, '"')


def test_style_long_form_and_json():
    st = doc("""
        Resources:
          A:
            Type: AWS::SQS::Queue
            Properties:
              QueueName:
                Fn::Sub: a-${X}
        """).style
    assert not st.short
    js = cfn.parse('{\n    "Resources" : {\n        "A" : {"Type" : "AWS::SQS::Queue"}\n    }\n}\n').style
    assert js.json and js.step == 4 and js.colon == " : " and not js.short


def test_quotes_strings_that_plain_yaml_would_misread():
    d = doc(QUEUE)
    assert d.q("2012-10-17") == "'2012-10-17'"
    assert d.q("*") == "'*'"
    assert d.q("yes") == "'yes'"
    assert d.q("/*") == "/*"
    assert d.q("sqs:SendMessage") == "sqs:SendMessage"
    assert d.flow({"Key": "a,b"}) in ("{Key: 'a,b'}", "{ Key: 'a,b' }")


def test_colon_strings_follow_the_files_quoting_of_colon_strings():
    d = doc("""
        Resources:
          A:
            Type: 'AWS::SQS::Queue'
            Properties:
              QueueName: plain
              Other: 'sqs:Send'
        """)
    assert d.q("sqs:SendMessage") == "'sqs:SendMessage'"
    assert d.q("word") == "word"


# ---------------------------------------------------------------- edits


def test_add_property_appends_after_the_last_line_keeping_its_comment():
    d = doc(QUEUE.replace("      Tags:\n      - Key: Team\n        Value: payments\n", "      DelaySeconds: 5\n"))
    res = d.resource("Queue")
    out = edited(d, d.add_property(res, [("VisibilityTimeout", 30)]))
    assert "      DelaySeconds: 5\n      VisibilityTimeout: 30\n    # a comment that belongs to Queue" in out


def test_properties_go_before_a_trailing_tags_entry_and_its_comment():
    d = doc(QUEUE.replace("      Tags:\n", "      # who owns it\n      Tags:\n"))
    out = edited(d, d.add_property(d.resource("Queue"), [("VisibilityTimeout", 30)]))
    assert "  # the name\n      VisibilityTimeout: 30\n      # who owns it\n      Tags:\n" in out
    # adding Tags itself, or to a mapping where Tags is not last, appends at the end
    d = doc("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {Tags: [], TopicName: t}\n")
    out = edited(d, d.add_property(d.resource("T"), [("DisplayName", "x")]))
    assert "Properties: {Tags: [], TopicName: t, DisplayName: x}" in out
    d = doc("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: t, Tags: []}\n")
    out = edited(d, d.add_property(d.resource("T"), [("DisplayName", "x")]))
    assert "Properties: {TopicName: t, DisplayName: x, Tags: []}" in out


def test_append_to_sequence_uses_the_lists_own_dash_column():
    d = doc(QUEUE)
    tags = d.resource("Queue").prop("Tags")
    out = edited(d, d.append_to_sequence(tags, [{"Key": "Env", "Value": Ref("EnvironmentSuffix")}]))
    assert "      - Key: Team\n        Value: payments\n      - Key: Env\n        Value: !Ref EnvironmentSuffix\n" in out


DASH_ALONE = """
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      Tags:
        -
          Key: Name
          Value: vpc
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      AvailabilityZone:
        Fn::Sub:
          - "${AWS::Region}${AZ}"
          - AZ: a
      Tags:
        -
            Key: Name
            Value: subnet
  Ip:
    Type: AWS::EC2::EIP
    Properties:
      Domain: vpc
"""


def test_append_to_a_list_whose_items_put_the_dash_alone_does_the_same():
    d = doc(DASH_ALONE)
    new = [{"Key": "Env", "Value": Ref("E")}]
    out = edited(d, d.append_to_sequence(d.resource("Vpc").prop("Tags"), new))
    assert "          Value: vpc\n        -\n          Key: Env\n          Value: !Ref E\n" in out
    # the keys at the column this list's items use (the dash + 4 here)
    out = edited(d, d.append_to_sequence(d.resource("Subnet").prop("Tags"), new))
    assert "            Value: subnet\n        -\n            Key: Env\n            Value: !Ref E\n" in out


def test_a_new_list_puts_the_dash_alone_when_every_list_of_mappings_does():
    d = doc(DASH_ALONE)  # the Fn::Sub variables are an argument, not one of the file's lists
    assert (d.style.dash_alone, d.style.alone_gap) == (True, 2)
    out = edited(d, d.add_property(d.resource("Ip"), [("Tags", [{"Key": "Env", "Value": "dev"}])]))
    assert "      Domain: vpc\n      Tags:\n        -\n          Key: Env\n          Value: dev\n" in out
    # one list written "- Key: ..." and the file is not consistent: new lists keep "- Key:"
    mixed = doc(DASH_ALONE.replace("        -\n          Key: Name\n", "        - Key: Name\n"))
    assert not mixed.style.dash_alone
    out = edited(mixed, mixed.add_property(mixed.resource("Ip"), [("Tags", [{"Key": "Env", "Value": "dev"}])]))
    assert "      Tags:\n        - Key: Env\n          Value: dev\n" in out
    # ...while its dash-alone list still gets dash-alone items
    out = edited(mixed, mixed.append_to_sequence(mixed.resource("Subnet").prop("Tags"), [{"Key": "A", "Value": "b"}]))
    assert "            Value: subnet\n        -\n            Key: A\n            Value: b\n" in out


def test_append_to_a_list_whose_values_are_aligned_aligns_them():
    d = doc("""
        Resources:
          A:
            Type: AWS::SQS::Queue
            Properties:
              Tags:
                - Key:    Name
                  Value:  !Sub '${AWS::StackName}-a'
                - Key:    App
                  Value:  orders
          B:
            Type: AWS::SQS::Queue
            Properties:
              Tags:
                - Key:   Team
                  Value: payments
          C:
            Type: AWS::SQS::Queue
            Properties:
              Tags:
                - Key:  Team
                  Value:   payments
        """)
    new = [{"Key": "Env", "Value": Ref("E")}, {"Key": "ManagedBy", "Value": "cloudformation"}]
    out = edited(d, d.append_to_sequence(d.resource("A").prop("Tags"), new))
    assert ("          Value:  orders\n        - Key:    Env\n          Value:  !Ref E\n"
            "        - Key:    ManagedBy\n          Value:  cloudformation\n") in out
    out = edited(d, d.append_to_sequence(d.resource("B").prop("Tags"), new))
    assert "          Value: payments\n        - Key:   Env\n          Value: !Ref E\n" in out
    # values at different columns: no column to follow
    out = edited(d, d.append_to_sequence(d.resource("C").prop("Tags"), new))
    assert "          Value:   payments\n        - Key: Env\n          Value: !Ref E\n" in out


def test_json_entry_takes_the_colon_spacing_of_the_object_it_goes_into():
    d = cfn.parse(
        '{\n  "Resources": {\n    "G": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": {\n'
        '        "GroupDescription": "g",\n        "SecurityGroupIngress": [\n'
        '          {"IpProtocol" : "tcp", "FromPort" : "80", "ToPort" : "80"},\n'
        '          {\n            "IpProtocol": "tcp",\n            "FromPort": 22\n          }\n'
        '        ]\n      }\n    }\n  }\n}\n')
    assert d.style.colon == ": "
    one, multi = d.resource("G").prop("SecurityGroupIngress").value
    out = edited(d, d.add_to_mapping(one, [("Description", "web")]))
    assert '{"IpProtocol" : "tcp", "FromPort" : "80", "ToPort" : "80", "Description" : "web"},' in out
    out = edited(d, d.add_to_mapping(multi, [("Description", "ssh")]))
    assert '"FromPort": 22,\n            "Description": "ssh"\n' in out


def test_add_property_creates_properties_when_absent():
    d = doc(QUEUE)
    out = edited(d, d.add_property(d.resource("Topic"), [("TopicName", "alerts")]))
    assert out.endswith("  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n")


def test_add_property_under_an_empty_properties_key():
    d = doc("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n  U:\n    Type: X\n")
    out = edited(d, d.add_property(d.resource("T"), [("TopicName", "t")]))
    assert out == "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: t\n  U:\n    Type: X\n"


def test_flow_mapping_gets_an_inline_entry():
    d = doc("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: a, DelaySeconds: 5}\n")
    out = edited(d, d.add_property(d.resource("Q"), [("RedrivePolicy", {"deadLetterTargetArn": GetAtt("D", "Arn"),
                                                                         "maxReceiveCount": 3})]))
    assert "Properties: {QueueName: a, DelaySeconds: 5, RedrivePolicy: {deadLetterTargetArn: !GetAtt D.Arn, " \
           "maxReceiveCount: 3}}\n" in out


def test_insert_resource_after_skips_its_own_comments_and_keeps_the_blank_line():
    d = doc(QUEUE)
    out = edited(d, d.insert_resource_after(d.resource("Queue"), "QueueDlq", {"Type": "AWS::SQS::Queue"}))
    assert "    # a comment that belongs to Queue\n\n  QueueDlq:\n    Type: AWS::SQS::Queue\n\n  # Next resource\n" in out


def test_insert_resource_before_goes_above_the_comments_that_describe_it():
    d = doc(QUEUE)
    nxt = [r for r in d.resources() if r.name != "Queue"][0]
    out = edited(d, d.insert_resource_before(nxt, "Group", {"Type": "AWS::Logs::LogGroup"}))
    assert "    # a comment that belongs to Queue\n\n  Group:\n    Type: AWS::Logs::LogGroup\n\n  # Next resource\n" in out
    first = edited(d, d.insert_resource_before(d.resource("Queue"), "Group", {"Type": "AWS::Logs::LogGroup"}))
    assert "Resources:\n  Group:\n    Type: AWS::Logs::LogGroup\n\n  Queue:\n" in first
    d = cfn.parse(JSON)
    out = edited(d, d.insert_resource_before(d.resource("Queue"), "Group", {"Type": "AWS::Logs::LogGroup"}))
    assert '"Resources" : {\n    "Group" : {\n      "Type" : "AWS::Logs::LogGroup"\n    },\n    "Queue" : {' in out


def test_long_form_values_render_as_nested_mappings():
    d = doc("""
        Resources:
          A:
            Type: AWS::SQS::Queue
            Properties:
              QueueName:
                Ref: Name
        """)
    out = edited(d, d.add_property(d.resource("A"), [("X", {"Arn": GetAtt("B", "Arn"), "N": Ref("C")})]))
    assert "      X:\n        Arn:\n          Fn::GetAtt: [B, Arn]\n        N:\n          Ref: C\n" in out


JSON = """{
  "Resources" : {
    "Queue" : {
      "Type" : "AWS::SQS::Queue",
      "Properties" : {
        "QueueName" : "a",
        "Tags" : [
          { "Key" : "Team", "Value" : "x" }
        ]
      }
    },
    "Topic" : {
      "Type" : "AWS::SNS::Topic",
      "Properties" : {
      }
    }
  }
}
"""


def test_json_property_gets_a_comma_and_the_files_colon_and_indent():
    d = cfn.parse(JSON)
    out = edited(d, d.add_property(d.resource("Queue"), [("DelaySeconds", 5)]))
    assert '"QueueName" : "a",\n        "DelaySeconds" : 5,\n        "Tags" : [' in out
    d = cfn.parse(JSON.replace('"QueueName" : "a",\n        "Tags"', '"Tags"').replace(
        '        ]\n      }\n    },\n    "Topic"', '        ],\n        "QueueName" : "a"\n      }\n    },\n    "Topic"'))
    out = edited(d, d.add_property(d.resource("Queue"), [("DelaySeconds", 5)]))
    assert '        "QueueName" : "a",\n        "DelaySeconds" : 5\n      }' in out


def test_json_one_line_list_items_stay_one_line():
    d = cfn.parse(JSON)
    tags = d.resource("Queue").prop("Tags")
    out = edited(d, d.append_to_sequence(tags, [{"Key": "Env", "Value": Ref("E")}]))
    assert '{ "Key" : "Team", "Value" : "x" },\n          { "Key" : "Env", "Value" : { "Ref" : "E" } }\n' in out


def test_json_empty_multiline_object_and_new_resource():
    d = cfn.parse(JSON)
    out = edited(d, d.add_property(d.resource("Topic"), [("TopicName", Sub("t-${E}"))]))
    assert '"Properties" : {\n        "TopicName" : { "Fn::Sub" : "t-${E}" }\n      }' in out
    d = cfn.parse(JSON)
    out = edited(d, d.insert_resource_after(d.resource("Queue"), "Dlq", {"Type": "AWS::SQS::Queue"}))
    assert '    },\n    "Dlq" : {\n      "Type" : "AWS::SQS::Queue"\n    },\n    "Topic"' in out


def test_replace_value_and_raw_copy():
    d = doc(QUEUE)
    name = d.resource("Queue").prop("QueueName")
    assert d.raw(name) == Raw("!Sub 'orders-${EnvironmentSuffix}'")
    out = edited(d, d.replace_value(name, "fixed"))
    assert "      QueueName: fixed  # the name\n" in out


# ---------------------------------------------------------------- conventions


def test_naming_conventions():
    assert kebab("PaymentsKMSKey") == "payments-kms-key"
    assert add_word("orders-${EnvironmentSuffix}", "dlq") == "orders-dlq-${EnvironmentSuffix}"
    assert add_word("orders.fifo", "dlq") == "orders-dlq.fifo"
    assert add_word("ledger-${Env}.fifo", "dlq") == "ledger-dlq-${Env}.fifo"
    d = doc(QUEUE)
    assert derived_name(d.resource("Queue").prop("QueueName"), "dlq") == Sub("orders-dlq-${EnvironmentSuffix}")
    assert derived_name(None, "dlq") is None
    assert render(d, "{environment_suffix}") == Ref("EnvironmentSuffix")
    assert render(d, "{tool}") == "cloudformation"
    assert render(d, "app-{environment_suffix}") == Sub("app-${EnvironmentSuffix}")
    assert render(cfn.parse("Resources: {}\n"), "{environment_suffix}") is None


def test_edits_refuse_a_yaml_anchor_used_through_an_alias():
    d = doc("""
        Resources:
          A:
            Type: AWS::SNS::Topic
            Properties: &shared
              TopicName: a
          B:
            Type: AWS::SNS::Topic
            Properties: *shared
          C:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: c
        """)
    with pytest.raises(FixError):
        d.add_property(d.resource("B"), [("DisplayName", "b")])
    with pytest.raises(FixError):
        d.add_property(d.resource("A"), [("DisplayName", "a")])
    edited(d, d.add_property(d.resource("C"), [("DisplayName", "c")]))


def test_raw_copies_a_block_value_to_another_indentation():
    d = doc(QUEUE)
    res = d.resource("Queue")
    copied = d.raw(res.prop("Tags"), cfn.key_node(res.properties, "Tags"))
    assert copied == Raw("      - Key: Team\n        Value: payments", 6, inline=False)
    assert d.block_pair("Tags", copied, 4) == ["    Tags:", "    - Key: Team", "      Value: payments"]
    assert d.raw(res.prop("Tags")) is None  # several lines need the key to be re-indented


def test_raw_copies_a_json_value_to_another_indentation():
    d = cfn.parse(JSON)
    res = d.resource("Queue")
    copied = d.raw(res.prop("Tags"), cfn.key_node(res.properties, "Tags"))
    assert d.json_value(copied, 4) == '[\n      { "Key" : "Team", "Value" : "x" }\n    ]'


def test_tab_indented_json_is_edited_in_spaces_and_restored_in_tabs():
    from iacfix.transforms.cloudformation import normalize

    text = '{\n\t"Resources": {\n\t\t"Q": {"Type": "AWS::SQS::Queue"}\n\t}\n}\n'
    spaced, restore = normalize(text)
    assert spaced == '{\n "Resources": {\n  "Q": {"Type": "AWS::SQS::Queue"}\n }\n}\n'
    assert len(spaced) == len(text) and restore(spaced) == text
    assert restore(spaced.replace('"Q"', '"Q": 1,\n  "R"')).count("\n\t\t\"R\"") == 1
    for other in ('{\n  "Resources": {}\n}\n', '{\n\t "Resources": {}\n}\n', "Resources:\n\tX: 1\n"):
        assert normalize(other)[0] == other and normalize(other)[1]("  x") == "  x"


def test_an_empty_mapping_alone_on_its_line_gets_structures_over_lines():
    """``Outputs: {}`` / ``"Outputs": {}`` filled with outputs: a block mapping in YAML (a
    comment stays on the key's line), JSON in the file's indentation; scalars stay inline."""
    out = {"TopicArn": {"Description": "ARN of Topic", "Value": Ref("Topic")}}
    d = doc("""
        Resources:
          Topic:
            Type: AWS::SNS::Topic
        Outputs: {}  # imported elsewhere
        """)
    got = edited(d, d.add_to_mapping(cfn.get(d.root, "Outputs"), list(out.items())))
    assert got.endswith("Outputs:  # imported elsewhere\n  TopicArn:\n    Description: ARN of Topic\n"
                        "    Value: !Ref Topic\n")
    d = cfn.parse('{\n    "Resources": {\n        "Topic": {"Type": "AWS::SNS::Topic"}\n    },\n'
                  '    "Outputs": {}\n}\n')
    got = edited(d, d.add_to_mapping(cfn.get(d.root, "Outputs"), list(out.items())))
    assert got.endswith('    "Outputs": {\n        "TopicArn": {\n            "Description": "ARN of Topic",\n'
                        '            "Value": {"Ref": "Topic"}\n        }\n    }\n}\n')
    d = cfn.parse('{\n  "Resources": {\n    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"Tags": {}}}\n  }\n}\n')
    tags = cfn.get(cfn.get(cfn.get(cfn.get(d.root, "Resources"), "Topic"), "Properties"), "Tags")
    got = edited(d, d.add_to_mapping(tags, [("Team", "a")]))
    assert '"Tags": {"Team": "a"}' in got
