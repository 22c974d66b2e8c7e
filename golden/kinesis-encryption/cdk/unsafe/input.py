from aws_cdk import Duration, Stack, aws_kinesis as kinesis
from constructs import Construct


class PublicFeedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kinesis.Stream(
            self,
            "PublicFeed",
            encryption=kinesis.StreamEncryption.UNENCRYPTED,
            retention_period=Duration.hours(24),
        )
