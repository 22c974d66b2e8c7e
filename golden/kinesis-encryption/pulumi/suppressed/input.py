"""A replay stream for load tests, filled with synthetic events."""

import pulumi_aws as aws

# iacfix: ignore[kinesis-encryption] -- synthetic load-test events only
replay = aws.kinesis.Stream(
    "replay",
    shard_count=1,
)

scratch = aws.kinesis.Stream("scratch", shard_count=1)  # iacfix: ignore[IAC014]
