from aws_cdk import Duration, Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_kinesis as kinesis
from aws_cdk import aws_sns as sns
from constructs import Construct


class StreamsStack(Stack):
    def __init__(
        self, scope: Construct, construct_id: str, environment_suffix: str, audit_retention_days: int = 7, **kwargs
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")

        clicks = kinesis.Stream(self, "Clicks", stream_name=f"clicks-{environment_suffix}", shard_count=2)

        clicks.metric_get_records_iterator_age_milliseconds().create_alarm(
            self,
            "ClicksIteratorAge",
            alarm_name=f"clicks-iterator-age-{environment_suffix}",
            alarm_description=(
                "Kinesis stream Clicks has unread records 12 hours old, 50 percent of its 24-hour retention, "
                "after which they expire"
            ),
            threshold=43200000,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        orders = kinesis.Stream(
            self,
            "Orders",
            stream_name=f"orders-{environment_suffix}",
            retention_period=Duration.days(2),
            stream_mode=kinesis.StreamMode.ON_DEMAND,
        )

        orders.metric_get_records_iterator_age_milliseconds().create_alarm(
            self,
            "OrdersIteratorAge",
            alarm_name=f"orders-iterator-age-{environment_suffix}",
            alarm_description=(
                "Kinesis stream Orders has unread records 24 hours old, 50 percent of its 48-hour retention, "
                "after which they expire"
            ),
            threshold=86400000,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        audit = kinesis.Stream(self, "Audit", shard_count=1, retention_period=Duration.days(audit_retention_days))
