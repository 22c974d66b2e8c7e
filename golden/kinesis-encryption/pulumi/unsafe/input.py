"""Encryption explicitly off."""

import pulumi_aws as aws

legacy_events = aws.kinesis.Stream(
    "legacy-events",
    shard_count=1,
    encryption_type="NONE",
    retention_period=24,
)
