"""Suppressions in a Checkov shop: iacfix's own in every comment syntax, Checkov and
cfn_nag skips honoured for the codemods that answer those checks, Checkov ids accepted
wherever iacfix ids are, and unused suppressions reported on request."""

import pytest
from click.testing import CliRunner

import iacfix.codemods as codemods
from iacfix.cli import main
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText


def run(text, language, path, select=("kms-key-rotation",), fix=True, unsafe=False):
    res = process_source(SourceText.from_string(text), language, path,
                         Settings(codemods=codemods.select(list(select)), fix=fix, unsafe_fixes=unsafe))
    assert res.error is None, res.error
    return res


def tf(body_lines, name="k"):
    return f'resource "aws_kms_key" "{name}" {{\n' + "".join(f"  {ln}\n" for ln in body_lines) + "}\n"


# ------------------------------------------------------------------ Terraform


@pytest.mark.parametrize("comment", [
    "#checkov:skip=CKV_AWS_7:rotation is done by re-encrypting under a new key",
    "# checkov:skip=CKV_AWS_7: rotation is done by re-encrypting",
    "// checkov:skip=CKV_AWS_7",
    "/* checkov:skip=CKV_AWS_27,CKV_AWS_7:two at once */",
    "#bridgecrew:skip=CKV_AWS_7",
])
def test_a_checkov_skip_anywhere_in_the_resource_leaves_it_untouched(comment):
    text = tf(['description = "archive"', comment, "deletion_window_in_days = 10"])
    res = run(text, "terraform", "main.tf")
    assert res.findings == [] and res.new is None
    assert [f.suppressed_by for f in res.suppressed] == ["checkov:skip"]


def test_a_checkov_skip_of_another_check_or_outside_the_block_does_not_suppress():
    for text in (tf(['description = "a"', "#checkov:skip=CKV_AWS_27:not this one"]),
                 "#checkov:skip=CKV_AWS_7:above, outside the block\n" + tf(['description = "a"']),
                 tf(['description = "#checkov:skip=CKV_AWS_7 in a string"'])):
        res = run(text, "terraform", "main.tf")
        assert len(res.fixed) == 1 and "enable_key_rotation = true" in res.new, text


def test_a_skip_in_one_resource_leaves_the_next_one_fixed():
    text = tf(["#checkov:skip=CKV_AWS_7:runbook RB-12"], "a") + "\n" + tf(['description = "b"'], "b")
    res = run(text, "terraform", "main.tf")
    assert [f.gap.resource_name for f in res.fixed] == ["b"]
    assert res.new.split('resource "aws_kms_key" "b"')[0] == text.split('resource "aws_kms_key" "b"')[0]


@pytest.mark.parametrize("comment", [
    "// iacfix: ignore[kms-key-rotation]",
    "/* iacfix: ignore[IAC005] */",
    "/*\n   rotation by re-encryption\n   iacfix: ignore[CKV_AWS_7]\n*/",
])
def test_iacfix_suppression_in_every_terraform_comment_syntax(comment):
    text = comment + "\n" + tf(['description = "a"'])
    res = run(text, "terraform", "main.tf")
    assert res.findings == [] and res.new is None and res.suppressed[0].suppressed_by == "iacfix: ignore"


def test_a_hash_inside_a_terraform_string_is_not_a_suppression():
    text = tf(['description = "see # iacfix: ignore"'])
    assert len(run(text, "terraform", "main.tf").fixed) == 1


# ------------------------------------------------------------------ CloudFormation

YAML = """\
Resources:
  Plain:
    Type: AWS::KMS::Key
    Properties:
      Description: "# iacfix: ignore  (a string, not a comment)"
  Commented:
    Type: AWS::KMS::Key
    Properties:
      # checkov:skip=CKV_AWS_7: rotation by re-encryption (RB-12)
      Description: commented
  # checkov:skip=CKV_AWS_7: written above Listed, so Checkov reads it in no resource
  Listed:
    Type: AWS::KMS::Key
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_7
            comment: rotation by re-encryption (RB-12)
  Nagged:
    Type: AWS::KMS::Key
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: F19
            reason: rotation by re-encryption
  Trailing:
    Type: AWS::KMS::Key
    Properties:
      Description: t
    # checkov:skip=CKV_AWS_7: after the last value: Checkov reads it in no resource
  Linted:
    Type: AWS::KMS::Key
    Metadata:
      cfn-lint:
        config:
          ignore_checks: [W3005]
    Properties:
      Description: |
        # checkov:skip=CKV_AWS_7 inside a block scalar
"""


def test_cloudformation_skips_in_comments_and_metadata():
    res = run(YAML, "cloudformation", "stack.yaml")
    # Checkov's own reading of these (tests/oracles/test_checkov.py checks the golden cases)
    assert sorted(f.gap.resource_name for f in res.fixed) == ["Linted", "Plain", "Trailing"]
    assert {f.gap.resource_name: f.suppressed_by for f in res.suppressed} == {
        "Commented": "checkov:skip", "Listed": "checkov:skip", "Nagged": "cfn_nag rules_to_suppress"}


JSON = """\
{
  "Resources": {
    "Ignored": {
      "Type": "AWS::KMS::Key",
      "Metadata": {"iacfix": {"ignore": ["kms-key-rotation"]}},
      "Properties": {"Description": "a"}
    },
    "Nagged": {
      "Type": "AWS::KMS::Key",
      "Metadata": {"cfn_nag": {"rules_to_suppress": [{"id": "F19", "reason": "re-encrypted"}]}},
      "Properties": {"Description": "b"}
    },
    "Stringy": {
      "Type": "AWS::KMS::Key",
      "Properties": {"Description": "# iacfix: ignore"}
    }
  }
}
"""


def test_json_templates_suppress_through_metadata_and_not_through_strings():
    res = run(JSON, "cloudformation", "stack.json")
    assert [f.gap.resource_name for f in res.fixed] == ["Stringy"]
    assert {f.gap.resource_name: f.suppressed_by for f in res.suppressed} == {
        "Ignored": "iacfix: ignore", "Nagged": "cfn_nag rules_to_suppress"}


# ------------------------------------------------------------------ Python

CDK = '''\
from aws_cdk import Stack, aws_kms as kms


class S(Stack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        kms.Key(self, "A", description="# iacfix: ignore")
        # checkov:skip=CKV_AWS_7:rotation by re-encryption
        kms.Key(self, "B")
'''


def test_python_comments_come_from_the_tokenizer():
    res = run(CDK, "cdk", "stack.py")
    assert [f.gap.resource_name for f in res.findings] == ["A"]
    assert [f.suppressed_by for f in res.suppressed] == ["checkov:skip"]


# ------------------------------------------------------------------ which findings a check answers

RDS = tf(['engine = "postgres"', "deletion_protection = true", "backup_retention_period = 7",
          "copy_tags_to_snapshot = true", 'enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]',
          "auto_minor_version_upgrade = true", "{skip}"]).replace('"aws_kms_key"', '"aws_db_instance"')


def test_a_check_that_answers_one_rule_suppresses_only_that_rule():
    enc = run(RDS.replace("{skip}", "#checkov:skip=CKV_AWS_16:encrypted by the migration in Q3"),
              "terraform", "main.tf", select=("rds-protection",), unsafe=True)
    assert enc.new is None and [f.gap.detail for f in enc.suppressed] == ["storage-encryption"]
    other = run(RDS.replace("{skip}", "#checkov:skip=CKV_AWS_293:deletion protection is not encryption"),
                "terraform", "main.tf", select=("rds-protection",), unsafe=True)
    assert "storage_encrypted" in other.new and other.suppressed == []


# ------------------------------------------------------------------ Checkov ids as names


def test_checkov_ids_name_codemods():
    assert codemods.lookup("CKV_AWS_7").slug == "kms-key-rotation"
    assert codemods.lookup("ckv_aws_27").slug == "sqs-encryption"
    assert [c.slug for c in codemods.select(["CKV_AWS_7", "sqs-encryption"], ["CKV_AWS_27"])] == ["kms-key-rotation"]
    with pytest.raises(KeyError):
        codemods.select(["CKV_AWS_99999"])


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_cli_select_and_ignore_accept_checkov_ids(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text(tf(['description = "a"']))
    r = cli("check", "-j", "1", "--select", "CKV_AWS_7", ".")
    assert r.exit_code == 1 and "IAC005 kms-key-rotation" in r.output and "IAC004" not in r.output
    r = cli("check", "-j", "1", "--select", "kms-key-rotation,kms-key-alias", "--ignore", "CKV_AWS_7", ".")
    assert "IAC004 kms-key-alias" in r.output and "IAC005" not in r.output
    (tmp_path / ".iacfix.toml").write_text('select = ["CKV_AWS_7"]\n')
    r = cli("check", "-j", "1", ".")
    assert "IAC005 kms-key-rotation" in r.output and "IAC004" not in r.output


def test_check_says_what_a_skip_suppressed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text(tf(["#checkov:skip=CKV_AWS_7:runbook RB-12"]))
    r = cli("check", "-j", "1", "--select", "CKV_AWS_7", ".")
    assert r.exit_code == 0, r.output
    assert "main.tf:1:1: note: IAC005 kms-key-rotation KMS key 'k' has no key rotation: " \
           "suppressed by checkov:skip" in r.output
    assert "No findings." in r.output


def test_fix_leaves_a_skipped_resource_untouched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = tf(["#checkov:skip=CKV_AWS_7:runbook RB-12"])
    (tmp_path / "main.tf").write_text(text)
    r = cli("fix", "-j", "1", "--select", "kms-key-rotation", ".")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "main.tf").read_text() == text


# ------------------------------------------------------------------ unused suppressions


def test_unused_suppressions_are_reported_on_request(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.tf").write_text(
        "# iacfix: ignore[kms-key-rotation, dead-letter-queue, kms-key-alias, kms-key-rotaton]\n"
        + tf(["enable_key_rotation = true"], "done")
        + "\n# iacfix: ignore[CKV_AWS_7]\n" + tf([], "used")
        + "\n// iacfix: ignore\n" + tf(["enable_key_rotation = true"], "bare"))
    r = cli("check", "-j", "1", "--select", "kms-key-rotation,dead-letter-queue", ".")
    assert r.exit_code == 0 and "unused" not in r.output
    r = cli("check", "-j", "1", "--select", "kms-key-rotation,dead-letter-queue", "--report-unused-suppressions", ".")
    assert r.exit_code == 1
    lines = [ln for ln in r.output.splitlines() if ": unused suppression" in ln]
    # kms-key-alias did not run: whether it is needed there is not known; a typo is named
    assert lines == [
        "main.tf:1:1: unused suppression: iacfix: ignore[kms-key-rotation, dead-letter-queue, kms-key-alias, "
        "kms-key-rotaton] (unused: dead-letter-queue, kms-key-rotation, kms-key-rotaton (unknown))",
        "main.tf:10:1: unused suppression: iacfix: ignore",
    ]
    assert "Found 2 unused suppressions." in r.output


def test_a_checkov_id_names_a_codemod_table_in_the_configuration():
    from iacfix.config import ConfigError, parse_config

    cfg = parse_config({"select": ["CKV_AWS_66"], "CKV_AWS_66": {"retention-days": 30}}, None)
    assert cfg.select == ["CKV_AWS_66"] and cfg.params == {"log-retention": {"retention_days": 30}}
    with pytest.raises(ConfigError, match="a second table for log-retention"):
        parse_config({"log-retention": {"retention-days": 30}, "CKV_AWS_66": {"retention-days": 14}}, None)
    with pytest.raises(ConfigError, match="unknown key"):
        parse_config({"CKV_AWS_99999": {}}, None)


# ------------------------------------------------------------------ cdk-nag and cfn-lint

NAGGED = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Nagged:
    Type: AWS::KMS::Key
    Metadata:
      cdk_nag:
        rules_to_suppress:
          - id: AwsSolutions-KMS5
            reason: rotated by re-encryption
    Properties:
      Description: a
  OtherRule:
    Type: AWS::KMS::Key
    Metadata:
      cdk_nag:
        rules_to_suppress:
          - id: AwsSolutions-SQS3
            reason: not about keys
    Properties:
      Description: b
  Linted:
    Type: AWS::KMS::Key
    Metadata:
      cfn-lint:
        config:
          ignore_checks: [I3011]
    Properties:
      Description: c
"""


def test_cdk_nag_and_cfn_lint_metadata_suppress_the_codemods_that_answer_them():
    res = run(NAGGED, "cloudformation", "stack.yaml", select=("kms-key-rotation", "removal-policy"))
    got = {(f.gap.resource_name, f.slug): f.suppressed_by for f in res.suppressed}
    assert got == {("Nagged", "kms-key-rotation"): "cdk-nag suppression",
                   ("Linted", "removal-policy"): "cfn-lint ignore_checks"}
    fixed = {(f.gap.resource_name, f.slug) for f in res.fixed}
    assert ("OtherRule", "kms-key-rotation") in fixed and ("Linted", "kms-key-rotation") in fixed
    assert ("Nagged", "removal-policy") in fixed


def test_cfn_lint_template_wide_ignore_checks():
    text = NAGGED.replace("Resources:", "Metadata:\n  cfn-lint:\n    config:\n      ignore_checks:\n"
                                        "        - I3011\nResources:", 1)
    res = run(text, "cloudformation", "stack.yaml", select=("removal-policy",))
    assert sorted(f.gap.resource_name for f in res.suppressed) == ["Linted", "Nagged", "OtherRule"]


CDK_NAG = '''\
from aws_cdk import Stack, aws_kms as kms, aws_sqs as sqs
from cdk_nag import NagPackSuppression, NagSuppressions


class S(Stack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        self.key = kms.Key(
            self,
            "A",
        )
        NagSuppressions.add_resource_suppressions(
            self.key, [{"id": "AwsSolutions-KMS5", "reason": "rotated by re-encryption"}]
        )
        other = kms.Key(self, "B")
        NagSuppressions.add_resource_suppressions(other, [NagPackSuppression(id="AwsSolutions-SQS3", reason="x")])
        queue = sqs.Queue(self, "Q")
        NagSuppressions.add_stack_suppressions(self, [NagPackSuppression(id="Serverless-SQSRedrivePolicy", reason="y")])
'''


def test_cdk_nag_suppressions_in_cdk_python():
    res = run(CDK_NAG, "cdk", "stack.py", select=("kms-key-rotation", "dead-letter-queue"))
    assert {(f.gap.resource_name, f.slug): f.suppressed_by for f in res.suppressed} == {
        ("A", "kms-key-rotation"): "cdk-nag suppression",   # on the construct it names
        ("Q", "dead-letter-queue"): "cdk-nag suppression",  # stack-wide
    }
    assert [(f.gap.resource_name, f.slug) for f in res.fixed] == [("B", "kms-key-rotation")]  # another rule's id


def test_a_cdk_nag_id_that_answers_one_rule_suppresses_only_that_rule():
    rds = NAGGED.replace("AwsSolutions-KMS5", "AwsSolutions-RDS2").replace("AWS::KMS::Key", "AWS::RDS::DBInstance")
    res = run(rds, "cloudformation", "stack.yaml", select=("rds-protection",), unsafe=True)
    nagged = [f.gap.detail for f in res.suppressed if f.gap.resource_name == "Nagged"]
    assert nagged == ["storage-encryption"]
    assert any(f.gap.resource_name == "Nagged" for f in res.fixed)  # its other findings are still fixed
