"""Encryption chosen per stack; the key is not known here."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

events = aws.kinesis.Stream(
    "events",
    shard_count=1,
    encryption_type=config.require("streamEncryption"),
    retention_period=24,
)

stream_settings = {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}
metrics = aws.kinesis.Stream("metrics", shard_count=1, **stream_settings)
