from aws_cdk import (
    Duration,
    Stack,
    aws_sqs as sqs,
)
from constructs import Construct


class IngestStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ingest_dlq = sqs.Queue(
            self,
            "IngestDlq",
            queue_name=f"ingest-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
        )

        self.ingest_queue = sqs.Queue(
            self,
            "IngestQueue",
            queue_name=f"ingest-{environment_suffix}",
            visibility_timeout=Duration.seconds(90),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=ingest_dlq),
        )
