from aws_cdk import Duration, Stack
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

        orders = kinesis.Stream(
            self,
            "Orders",
            stream_name=f"orders-{environment_suffix}",
            retention_period=Duration.days(2),
            stream_mode=kinesis.StreamMode.ON_DEMAND,
        )

        audit = kinesis.Stream(self, "Audit", shard_count=1, retention_period=Duration.days(audit_retention_days))
