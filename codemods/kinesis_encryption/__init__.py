"""IAC014 kinesis-encryption: Kinesis streams are encrypted with KMS and state their retention."""

from iacfix.codemods.spec import (
    Codemod, Exactly, Explicit, Known, Nested, Param, Parameter, Rule, invalid, valid,
)
from iacfix.codemods.spec import language_detectors

CODEMOD = Codemod(
    id='IAC014',
    slug='kinesis-encryption',
    tags=("security", "encryption"),
    severity='high',
    title='Kinesis streams are encrypted with KMS and state their retention',
    rationale=(
        "Stream records are readable by anyone who can read the stream's storage unless server-side "
        'encryption is on; the AWS-managed key alias/aws/kinesis makes that free of key management. '
        'An explicit retention period makes how long records can be replayed a reviewed decision '
        'rather than the 24-hour default.'
    ),
    params=(
        Parameter('retention_hours', 24, 'hours records stay in the stream', kind=int, minimum=24, maximum=8760),
        Parameter('kms_key', 'alias/aws/kinesis', 'KMS key id, ARN or alias for stream encryption',
                  pattern=r"[A-Za-z0-9:/_-]{1,2048}", form="a KMS key id, ARN or alias"),
    ),
    checkov=('CKV_AWS_43',),
    cdk_nag=("AwsSolutions-KDS1",),
    # cfn_nag's KinesisStreamStreamEncryptionRule (stelligent/cfn_nag, lib/cfn-nag/custom_rules/)
    cfn_nag=("W49",),
    unsafe_note='encryption explicitly turned off (NONE, UNENCRYPTED) is reported; turning it on is unsafe',

    rules=(
        Rule(
            ("kinesis.Stream",),
            {
                "stream_encryption": Nested(
                    {
                        "encryption_type": Exactly("KMS", label="KMS encryption"),
                        # no key next to an encryption type the file cannot read
                        "key_id": Explicit(Param("kms_key"), label="KMS key",
                                           when=Known("stream_encryption.encryption_type")),
                    },
                    label="KMS encryption",
                    off="is not encrypted",
                ),
                "retention_period_hours": Explicit(Param("retention_hours"), label="retention period"),
            },
            what="Kinesis stream",
        ),
    ),
    examples=(
        invalid('terraform', 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n'),
        valid('terraform', 'resource "aws_kinesis_stream" "s" {\n  encryption_type  = "KMS"\n  kms_key_id       = "alias/aws/kinesis"\n  retention_period = 48\n}\n'),
        invalid('cloudformation', 'Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n'),
        valid('cloudformation', 'Resources:\n  S:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n      RetentionPeriodHours: 24\n'),
        invalid('cdk', 'from aws_cdk import aws_kinesis as kinesis\n\nkinesis.Stream(self, "S")\n'),
        valid('cdk', 'from aws_cdk import Duration, aws_kinesis as kinesis\n\nkinesis.Stream(self, "S", encryption=kinesis.StreamEncryption.MANAGED, retention_period=Duration.hours(24))\n'),
        invalid('pulumi', 'import pulumi_aws as aws\n\naws.kinesis.Stream("s", shard_count=1)\n'),
        valid('pulumi', 'import pulumi_aws as aws\n\naws.kinesis.Stream("s", encryption_type="KMS", kms_key_id="alias/aws/kinesis", retention_period=24)\n'),
    ),
    detectors=language_detectors(__name__),
)
