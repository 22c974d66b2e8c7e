from aws_cdk import (
    Stack,
    Tags,
    aws_sns as sns,
)
from constructs import Construct


class AlertsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sns.Topic(self, "AlertsTopic", topic_name=f"alerts-{environment_suffix}")

        Tags.of(self).add("Environment", environment_suffix)
        Tags.of(self).add("ManagedBy", "cdk")
        Tags.of(self).add("Team", "platform")
