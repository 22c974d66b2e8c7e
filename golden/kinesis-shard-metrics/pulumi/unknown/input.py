"""Metrics chosen per stack."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
shard_metrics = config.get_object("shardMetrics") or ["IncomingBytes"]

events = aws.kinesis.Stream("events", shard_count=1, shard_level_metrics=shard_metrics)

stream_settings = {"shard_count": 1, "shard_level_metrics": ["IncomingRecords"]}
clicks = aws.kinesis.Stream("clicks", **stream_settings)
