from aws_cdk import Stack, aws_sqs as sqs
from constructs import Construct


class TelemetryStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sqs.Queue(
            self,
            "TelemetryQueue",
            encryption=sqs.QueueEncryption.UNENCRYPTED,
        )
        sqs.CfnQueue(self, "MetricsQueue", sqs_managed_sse_enabled=False)
