from aws_cdk import Stack, aws_sns as sns, aws_sqs as sqs
from constructs import Construct


class NotifyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sns.Topic(
            self,
            "Notifications",
            topic_name="notifications",
        )
        sqs.Queue(self, "Deliveries", queue_name="deliveries")
