"""Click and order streams."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")
audit_retention_hours = config.get_int("auditRetentionHours") or 168

alarm_topic = aws.sns.Topic("alarms", name=f"alarms-{environment_suffix}")

clicks = aws.kinesis.Stream("clicks", name=f"clicks-{environment_suffix}", shard_count=2)

orders = aws.kinesis.Stream(
    "orders",
    name=f"orders-{environment_suffix}",
    retention_period=48,
    stream_mode_details={"stream_mode": "ON_DEMAND"},
)

audit = aws.kinesis.Stream(
    "audit",
    name=f"audit-{environment_suffix}",
    shard_count=1,
    retention_period=audit_retention_hours,
)
