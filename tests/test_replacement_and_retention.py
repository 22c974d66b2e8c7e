"""A protected resource is never replaced: a fix that replaces a resource (storage
encryption, a rename) is held back, with the reason, when the resource is protected from
deletion — already in the file or by a fix of the same run — in every language."""

from __future__ import annotations

from iacfix import codemods
from iacfix.engine import Settings, process_source
from iacfix.sources import SourceText


def run(text, language, *slugs):
    settings = Settings(codemods=codemods.select(list(slugs)), fix=True, unsafe_fixes=True)
    return process_source(SourceText.from_string(text), language, "f", settings)


def held(res):
    return [f for f in res.remaining if "needs a migration" in f.gap.message and not f.fixable]


CLUSTER_TF = '''resource "aws_rds_cluster" "c" {
  cluster_identifier              = "c-${var.env}"
  engine                          = "aurora-postgresql"
  backup_retention_period         = 7
  deletion_protection             = true
  copy_tags_to_snapshot           = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
%s}
'''


def test_terraform_protected_cluster_is_not_encrypted_in_place():
    res = run(CLUSTER_TF % "\n  lifecycle {\n    prevent_destroy = true\n  }\n", "terraform", "rds-protection")
    assert res.new is None
    assert [f.slug for f in held(res)] == ["rds-protection"]


def test_terraform_unprotected_cluster_gets_the_replacement():
    res = run(CLUSTER_TF % "", "terraform", "rds-protection")
    assert "storage_encrypted" in res.new and not held(res)


def test_terraform_protection_of_the_same_run_holds_the_replacement():
    res = run(CLUSTER_TF % "", "terraform", "rds-protection", "removal-policy")
    assert "prevent_destroy = true" in res.new and "storage_encrypted" not in res.new
    assert [f.slug for f in held(res)] == ["rds-protection"]


def test_terraform_ephemeral_profile_does_not_protect_so_nothing_is_held():
    settings = Settings(codemods=codemods.select(["rds-protection", "removal-policy"]), fix=True,
                        unsafe_fixes=True, params={"removal-policy": {"profile": "ephemeral"}})
    res = process_source(SourceText.from_string(CLUSTER_TF % ""), "terraform", "f", settings)
    assert "storage_encrypted" in res.new and not held(res)


def test_cloudformation_retained_file_system_is_not_replaced():
    text = ("Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    DeletionPolicy: Retain\n"
            "    UpdateReplacePolicy: Retain\n    Properties:\n      PerformanceMode: generalPurpose\n")
    res = run(text, "cloudformation", "efs-encryption")
    assert res.new is None and [f.slug for f in held(res)] == ["efs-encryption"]


def test_pulumi_protected_table_is_not_renamed():
    text = ('import pulumi\nimport pulumi_aws as aws\n\n'
            'aws.dynamodb.Table("orders", name="orders", hash_key="id", billing_mode="PAY_PER_REQUEST",\n'
            '                   attributes=[{"name": "id", "type": "S"}],\n'
            '                   opts=pulumi.ResourceOptions(protect=True))\n')
    res = run(text, "pulumi", "environment-suffix")
    assert res.new is None and [f.slug for f in held(res)] == ["environment-suffix"]
    unprotected = run(text.replace("protect=True", "protect=False"), "pulumi", "environment-suffix")
    assert unprotected.new is not None and not held(unprotected)
