"""Click and order streams."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")
audit_retention_hours = config.get_int("auditRetentionHours") or 168

alarm_topic = aws.sns.Topic("alarms", name=f"alarms-{environment_suffix}")

clicks = aws.kinesis.Stream("clicks", name=f"clicks-{environment_suffix}", shard_count=2)

aws.cloudwatch.MetricAlarm(
    "clicks-iterator-age",
    name=f"clicks-iterator-age-{environment_suffix}",
    alarm_description=(
        "Kinesis stream clicks has unread records 12 hours old, 50 percent of its "
        "24-hour retention, after which they expire"
    ),
    namespace="AWS/Kinesis",
    metric_name="GetRecords.IteratorAgeMilliseconds",
    dimensions={"StreamName": clicks.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=43200000,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

orders = aws.kinesis.Stream(
    "orders",
    name=f"orders-{environment_suffix}",
    retention_period=48,
    stream_mode_details={"stream_mode": "ON_DEMAND"},
)

aws.cloudwatch.MetricAlarm(
    "orders-iterator-age",
    name=f"orders-iterator-age-{environment_suffix}",
    alarm_description=(
        "Kinesis stream orders has unread records 24 hours old, 50 percent of its "
        "48-hour retention, after which they expire"
    ),
    namespace="AWS/Kinesis",
    metric_name="GetRecords.IteratorAgeMilliseconds",
    dimensions={"StreamName": orders.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=86400000,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

audit = aws.kinesis.Stream(
    "audit",
    name=f"audit-{environment_suffix}",
    shard_count=1,
    retention_period=audit_retention_hours,
)
