"""IAC019 efs-encryption: EFS file systems are encrypted at rest."""

from iacfix.codemods.spec import (
    Codemod, Exactly, Explicit, Is, Not, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC019',
    slug='efs-encryption',
    tags=("security", "encryption"),
    severity='high',
    title='EFS file systems are encrypted at rest',
    rationale=(
        'Encryption at rest can only be chosen when a file system is created: an unencrypted EFS '
        'has to be copied to a new one to fix it later. iacfix enables encryption (with the '
        'configured KMS key, else the AWS-managed key). Note that on an existing file system this '
        'change replaces it: review before deploying.'
    ),
    params=(
        Parameter('kms_key', '', 'KMS key id or ARN; empty for the AWS-managed key',
                  pattern=r"(?:[A-Za-z0-9:/_-]{1,2048})?", form="a KMS key id, ARN or alias, or an empty string"),
    ),
    checkov=('CKV_AWS_42',),
    cdk_nag=("AwsSolutions-EFS1",),
    # cfn_nag's EFSFileSystemEncryptedRule (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("F27",),
    unsafe_note='enabling encryption replaces the file system: every fix is unsafe',
    unsafe_only=True,

    rules=(
        Rule(
            ("efs.FileSystem",),
            {
                "encrypted": Exactly(True, label="encryption at rest"),
                # the configured key, on a file system that is being encrypted now
                "kms_key_id": Explicit(Param("kms_key"), label="KMS key", when=Not(Is("encrypted", True))),
            },
            what="EFS file system",
            # a file system cannot be encrypted in place: the fix replaces it (and its data)
            unsafe=True,
            replaces=True,
            note="enabling it replaces the file system",
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_efs_file_system" "f" {\n  creation_token = "f"\n}\n'),
        valid('terraform', 'resource "aws_efs_file_system" "f" {\n  encrypted = true\n}\n'),
        invalid('cloudformation', 'Resources:\n  F:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n'),
        valid('cloudformation', 'Resources:\n  F:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n'),
        invalid('cdk', 'from aws_cdk import aws_efs as efs\n\nefs.CfnFileSystem(self, "F")\n'),
        valid('cdk', 'from aws_cdk import aws_efs as efs\n\nefs.FileSystem(self, "F", vpc=vpc)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.efs.FileSystem("f")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.efs.FileSystem("f", encrypted=True)\n'),
    ),
    detectors=language_detectors(__name__),
)
