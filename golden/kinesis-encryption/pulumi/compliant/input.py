"""Streams encrypted with the AWS-managed key or a customer key."""

import pulumi_aws as aws

key = aws.kms.Key("events-key", enable_key_rotation=True)

answers = aws.kinesis.Stream(
    "answers",
    shard_count=2,
    encryption_type="KMS",
    kms_key_id=key.arn,
    retention_period=48,
)

clicks = aws.kinesis.Stream(
    "clicks",
    shard_count=1,
    encryption_type="KMS",
    kms_key_id="alias/aws/kinesis",
    retention_period=24,
)
