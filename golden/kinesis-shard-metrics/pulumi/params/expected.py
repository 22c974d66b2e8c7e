"""Only throughput metrics, team-wide."""

import pulumi_aws as aws

answers = aws.kinesis.Stream(
    "answers",
    shard_count=2,
    shard_level_metrics=[
        "WriteProvisionedThroughputExceeded",
        "ReadProvisionedThroughputExceeded",
    ],
)
