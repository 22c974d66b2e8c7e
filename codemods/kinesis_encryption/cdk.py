"""kinesis_encryption for AWS CDK v2 Python.

- ``kinesis.Stream`` gets ``encryption=kinesis.StreamEncryption.MANAGED`` (the
  AWS-managed key alias/aws/kinesis; ``KMS`` is compliant too, as is an
  ``encryption_key``) and ``retention_period=Duration.hours(24)`` (param
  ``retention_hours``). Without ``encryption`` CDK encrypts only in regions it
  knows support it, through a template condition: the fix makes it unconditional.
- ``kinesis.CfnStream`` gets ``stream_encryption=kinesis.CfnStream.StreamEncryptionProperty(
  encryption_type="KMS", key_id="alias/aws/kinesis")`` (param ``kms_key``; missing
  fields are merged into an existing property) and ``retention_period_hours=24``.

``StreamEncryption.UNENCRYPTED`` / an ``encryption_type`` other than ``"KMS"`` is
an unsafe finding; any explicit retention is kept; a value the file cannot know
is left alone. Not covered: the ``kms_key`` parameter on L2 streams (their
``encryption_key`` takes a key construct, not an id/ARN/alias); shard-level
metrics (no CDK or CloudFormation property).
"""

from iacfix.codemods.common.cdk_properties import Call, Exactly, Explicit, Member, Param, Prop, Struct, required_properties

KINESIS = "aws_cdk.aws_kinesis"
ENC = f"{KINESIS}.StreamEncryption"
RETENTION = "retention period"

STREAM = [
    Prop("encryption", Exactly(Member(f"{ENC}.MANAGED"), accept=(Member(f"{ENC}.KMS"),)), "encryption", unless=("encryption_key",)),
    Prop("retention_period", Explicit(Call("aws_cdk.Duration.hours", Param("retention_hours", int))), RETENTION),
]
CFN_STREAM = [
    Prop(
        "stream_encryption",
        Struct(
            f"{KINESIS}.CfnStream.StreamEncryptionProperty",
            {"encryption_type": Exactly("KMS"), "key_id": Explicit(Param("kms_key"))},
        ),
        "encryption",
    ),
    Prop("retention_period_hours", Explicit(Param("retention_hours", int)), RETENTION),
]

detect = required_properties({f"{KINESIS}.Stream": STREAM, f"{KINESIS}.CfnStream": CFN_STREAM}, kind="Kinesis stream")
