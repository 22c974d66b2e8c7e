from aws_cdk import Stack, aws_sqs as sqs
from constructs import Construct


class WorkersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, encryption: sqs.QueueEncryption, queue_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sqs.Queue(self, "WorkQueue", encryption=encryption)
        sqs.Queue(self, "RetryQueue", **queue_props)
        sqs.CfnQueue(self, "ExportQueue", sqs_managed_sse_enabled=self.node.try_get_context("sse"))
