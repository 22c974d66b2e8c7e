"""Removing entries from CloudFormation templates, and escaping characters in the template's style."""

from __future__ import annotations

import pytest

from iacfix.core import FixError
from iacfix.transforms.cloudformation import parse


def apply(text, edit):
    return text[:edit.start] + edit.replacement + text[edit.end:]


def props(doc, name="Db"):
    return doc.resource(name).properties


def test_remove_block_entry_with_its_comments():
    text = (
        "Resources:\n"
        "  Db:\n"
        "    Type: AWS::RDS::DBInstance\n"
        "    Properties:\n"
        "      # kept for a week\n"
        "      PerformanceInsightsRetentionPeriod: 7  # free tier\n"
        "      Engine: postgres\n"
    )
    doc = parse(text)
    out = apply(text, doc.remove_from_mapping(props(doc), "PerformanceInsightsRetentionPeriod"))
    assert out == "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n"


def test_remove_last_block_entry_at_end_of_file_without_newline():
    text = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n" \
           "      Engine: postgres\n      Port: 5432"
    doc = parse(text)
    out = apply(text, doc.remove_from_mapping(props(doc), "Port"))
    assert out == "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres"


def test_remove_multi_line_value():
    text = (
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
        "      Exports:\n        - error\n        # more later\n      Engine: mysql\n"
    )
    doc = parse(text)
    out = apply(text, doc.remove_from_mapping(props(doc), "Exports"))
    assert out == "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n"


@pytest.mark.parametrize("key,expected", [
    ("A", "{B: 2, C: 3}"),
    ("B", "{A: 1, C: 3}"),
    ("C", "{A: 1, B: 2}"),
])
def test_remove_flow_entry(key, expected):
    text = "Resources:\n  Db: {Type: AWS::RDS::DBInstance, Properties: {A: 1, B: 2, C: 3}}\n"
    doc = parse(text)
    out = apply(text, doc.remove_from_mapping(props(doc), key))
    assert out == "Resources:\n  Db: {Type: AWS::RDS::DBInstance, Properties: " + expected + "}\n"


def test_remove_json_entries():
    text = '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n' \
           '        "A": 1,\n        "B": 2\n      }\n    }\n  }\n}\n'
    doc = parse(text)
    first = apply(text, doc.remove_from_mapping(props(doc), "A"))
    assert '"Properties": {\n        "B": 2\n      }' in first
    last = apply(text, doc.remove_from_mapping(props(doc), "B"))
    assert '"Properties": {\n        "A": 1\n      }' in last
    parse(first), parse(last)


def test_remove_refuses_the_only_entry_and_list_item_heads():
    text = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n" \
           "      Items:\n        - Name: a\n          Value: b\n"
    doc = parse(text)
    with pytest.raises(FixError):
        doc.remove_from_mapping(doc.resource("Db").node, "Nope")
    item = doc.resource("Db").prop("Items").value[0]
    with pytest.raises(FixError):
        doc.remove_from_mapping(item, "Name")
    single = parse("Resources:\n  Db:\n    Type: X\n    Properties:\n      Engine: mysql\n")
    with pytest.raises(FixError):
        single.remove_from_mapping(props(single), "Engine")


# ---- helpers for the codemod tests below

from iacfix.core import Context  # noqa: E402
from iacfix.core import apply_edits  # noqa: E402


def _gaps(detect, text, **params):
    doc = parse(text)
    return doc, list(detect(doc, Context("cloudformation", params)))


# ---- secret-generation: ExcludeCharacters survives every quote style

from iacfix.codemods.secret_generation import CODEMOD as SECRET  # noqa: E402
from iacfix.codemods.secret_generation.cloudformation import detect as secret_detect  # noqa: E402


def _generated_value(text):
    doc, gaps = _gaps(secret_detect, text, **SECRET.defaults())
    out = apply_edits(doc.text, [e for g in gaps for e in g.fix()])
    fixed = parse(out)
    gen = fixed.resource("S").prop("GenerateSecretString")
    from iacfix.transforms.cloudformation import get, scalar
    return scalar(get(gen, "ExcludeCharacters")), out


@pytest.mark.parametrize("have,quote", [
    ("", ""), ("", "'"), ("", '"'),
    ("        ExcludeCharacters: /@\n", ""),
    ("        ExcludeCharacters: '''\\'\n", "'"),
    ('        ExcludeCharacters: "\\\\\\""\n', '"'),
])
def test_exclude_characters_are_escaped_in_the_template_style(have, quote):
    q = quote or ""
    text = (f"Description: {q}secrets{q}\nResources:\n  S:\n    Type: {q}AWS::SecretsManager::Secret{q}\n"
            f"    Properties:\n      GenerateSecretString:\n        PasswordLength: 40\n{have}")
    value, out = _generated_value(text)
    assert set(value) >= set(SECRET.defaults()["exclude_characters"])
    assert len(value) == len(set(value))  # nothing added twice


def test_exclude_characters_in_json():
    text = ('{"Resources": {"S": {"Type": "AWS::SecretsManager::Secret", "Properties": '
            '{"GenerateSecretString": {"PasswordLength": 40, "ExcludeCharacters": "\\\\"}}}}}\n')
    value, out = _generated_value(text)
    assert value == "\\ \"'@/"
    import json
    assert json.loads(out)["Resources"]["S"]["Properties"]["GenerateSecretString"]["ExcludeCharacters"] == value


# ---- the group-A codemods compose with the others on the resources they share

MIX = """\
Parameters:
  EnvironmentSuffix:
    Type: String
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MasterUsername: admin
      ManageMasterUserPassword: true
      EnablePerformanceInsights: true
      PerformanceInsightsRetentionPeriod: 7
      Tags:
        - Key: Team
          Value: results
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      MasterUsername: admin
      ManageMasterUserPassword: true
  Reader:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-mysql
      DBInstanceClass: db.t3.small
      EnablePerformanceInsights: true
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: cache
      CacheNodeType: cache.t4g.small
      NumCacheClusters: 2
  Credentials:
    Type: AWS::SecretsManager::Secret
    Properties:
      GenerateSecretString:
        PasswordLength: 12
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 10.0.0.0/16
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: data
  Bucket:
    Type: AWS::S3::Bucket
"""


def test_removing_and_adding_codemods_compose_in_any_order():
    import random

    import iacfix.codemods as codemods
    from iacfix.engine import Settings, process_source
    from iacfix.sources import SourceText

    def fix_with(text, chosen):
        res = process_source(SourceText.from_string(text), "cloudformation", "mix.yaml",
                             Settings(codemods=chosen, fix=True, unsafe_fixes=True))
        assert res.error is None and not res.failed, (res.error, [f.reason for f in res.failed])
        return res.new if res.new is not None else text

    together = fix_with(MIX, list(codemods.CATALOG))
    assert "EnablePerformanceInsights: false" in together and "DeletionPolicy: Retain" in together
    orders = [list(codemods.CATALOG), list(reversed(codemods.CATALOG))]
    order = list(codemods.CATALOG)
    random.Random(5).shuffle(order)
    orders.append(order)
    for order in orders:
        # protecting codemods first: a protected resource is never replaced (see test_compose)
        order = [c for c in order if c.retains(c.defaults())] + [c for c in order if not c.retains(c.defaults())]
        text = MIX
        for cm in order:
            text = fix_with(text, [cm])
        assert text == together, ", ".join(c.slug for c in order)
