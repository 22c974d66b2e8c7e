"""Streams that publish the shard-level metrics they need."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

answers = aws.kinesis.Stream(
    "answers",
    shard_count=2,
    shard_level_metrics=["IncomingBytes", "IteratorAgeMilliseconds"],
)

# Deliberately none: a single-shard stream has nothing to break down.
heartbeat = aws.kinesis.Stream("heartbeat", shard_count=1, shard_level_metrics=[])
