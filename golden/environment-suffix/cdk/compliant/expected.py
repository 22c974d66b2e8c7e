import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb, aws_s3 as s3, aws_sns as sns, aws_sqs as sqs
from constructs import Construct

TOPIC_PREFIX = "alerts"


class ReportsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_suffix = self.node.try_get_context("environmentSuffix") or "dev"

        # Names built from the suffix, a variable, a call or a concatenation: compliant.
        dynamodb.Table(
            self,
            "Reports",
            table_name=f"reports-{self.environment_suffix}",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )
        sns.Topic(self, "Alerts", topic_name=TOPIC_PREFIX + "-" + self.environment_suffix)
        sqs.Queue(self, "Exports", queue_name=self.queue_name_for("exports"))
        # No explicit name: CDK generates a unique one.
        s3.Bucket(self, "Archive")

    def queue_name_for(self, word: str) -> str:
        return f"{word}-{self.environment_suffix}"
