"""kinesis_encryption for CloudFormation: ``AWS::Kinesis::Stream`` resources are encrypted
with KMS and state their retention.

Checked: ``StreamEncryption: {EncryptionType: KMS, KeyId: <kms_key>}`` and
``RetentionPeriodHours``. Missing → the fix adds what is missing at once (the whole
StreamEncryption mapping, or the missing field merged into an existing one) with
the ``kms_key`` (default ``alias/aws/kinesis``) and ``retention_hours``
parameters. Any explicit value, literal or intrinsic, is the author's decision (the
schema allows only ``KMS`` as EncryptionType): no finding, no unsafe case.
Not covered: shard-level metrics (CloudFormation has no property for them),
``AWS::KinesisFirehose::DeliveryStream`` encryption.
"""

from __future__ import annotations

from iacfix.codemods.common.cloudformation_properties import Explicit, Nested, Param, required

detect = required(
    "AWS::Kinesis::Stream",
    {"StreamEncryption": Nested({"EncryptionType": Explicit("KMS", "encryption type"),
                                 "KeyId": Explicit(Param("kms_key"), "encryption key")}, "KMS encryption"),
     "RetentionPeriodHours": Explicit(Param("retention_hours"), "retention period")},
    what="Kinesis stream",
    slug="kinesis-encryption",
)
