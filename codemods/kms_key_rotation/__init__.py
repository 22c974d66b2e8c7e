"""IAC005 kms-key-rotation: Customer-managed KMS keys rotate their key material."""

from iacfix.codemods.spec import (
    All, Codemod, Exactly, Is, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC005',
    slug='kms-key-rotation',
    tags=("security", "encryption"),
    severity='high',
    title='Customer-managed KMS keys rotate their key material',
    rationale=(
        'A key whose material never changes gives an attacker who once obtained it (from a backup, '
        'a leaked export, a compromised HSM operator) access to everything ever encrypted under it '
        'and everything that will be. With rotation enabled, KMS creates new key material every '
        'year (or at the configured period) and keeps the old material to decrypt old data, at no '
        'change to the key id, alias or policies: there is nothing to migrate. iacfix enables '
        'automatic rotation on symmetric customer-managed keys; asymmetric and HMAC keys cannot '
        'rotate and are left alone.'
    ),
    checkov=('CKV_AWS_7',),
    cdk_nag=("AwsSolutions-KMS5",),
    # cfn_nag's KMSKeyRotationRule (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("F19",),
    unsafe_note='rotation explicitly disabled is reported; enabling it is unsafe',

    rules=(
        Rule(
            ("kms.Key",),
            {"enable_key_rotation": Exactly(True, label="key rotation")},
            what="KMS key",
            # asymmetric and HMAC keys cannot rotate; imported key material does not rotate
            when=All(Is("key_spec", "SYMMETRIC_DEFAULT", missing=True), Is("origin", "AWS_KMS", missing=True)),
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_kms_key" "k" {\n  description = "k"\n}\n'),
        valid('terraform', 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = "RSA_2048"\n}\n'),
        invalid('cloudformation', 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: k\n'),
        valid('cloudformation', 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Ref Rotate\n'),
        invalid('cdk', 'from aws_cdk import aws_kms as kms\n\nkms.Key(self, "Key")\n'),
        valid('cdk', 'from aws_cdk import aws_kms as kms\n\nkms.Key(self, "Key", key_spec=kms.KeySpec.RSA_2048)\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.kms.Key("key")\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.kms.Key("key", enable_key_rotation=True)\n'),
        invalid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awskms"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawskms.NewKey(s, jsii.String("Key"), nil)\n}\n'),
        valid('go', 'package p\n\nimport (\n\t"github.com/aws/aws-cdk-go/awscdk/v2"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awskms"\n\t"github.com/aws/jsii-runtime-go"\n)\n\nfunc f(s awscdk.Stack) {\n\tawskms.NewKey(s, jsii.String("Key"), &awskms.KeyProps{KeySpec: awskms.KeySpec_RSA_2048})\n}\n'),
    ),
    detectors=language_detectors(__name__),
)
