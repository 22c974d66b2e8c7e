"""Encrypted, but the retention is left to the default; and the reverse."""

import pulumi_aws as aws

answers = aws.kinesis.Stream(
    "answers",
    shard_count=2,
    encryption_type="KMS",
    kms_key_id="alias/aws/kinesis",
    retention_period=24,
)

audit = aws.kinesis.Stream(
    "audit",
    shard_count=1,
    encryption_type="KMS",
    kms_key_id="alias/aws/kinesis",
    retention_period=168,  # a week of replay
)
