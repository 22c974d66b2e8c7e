"""Encryption explicitly off."""

import pulumi_aws as aws

legacy_events = aws.kinesis.Stream(
    "legacy-events",
    shard_count=1,
    encryption_type="KMS",
    kms_key_id="alias/aws/kinesis",
    retention_period=24,
)
