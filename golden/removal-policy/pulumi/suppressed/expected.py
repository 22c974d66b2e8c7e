"""A throwaway cache table: the team wants the tool defaults."""

import pulumi_aws as aws

# iacfix: ignore[removal-policy]
cache_table = aws.dynamodb.Table(
    "cache",
    billing_mode="PAY_PER_REQUEST",
    hash_key="key",
    attributes=[aws.dynamodb.TableAttributeArgs(name="key", type="S")],
)

tmp_logs = aws.cloudwatch.LogGroup("tmp", retention_in_days=1)  # iacfix: ignore[IAC023]
