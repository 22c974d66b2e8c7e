from aws_cdk import (
    Duration,
    Stack,
    aws_kms as kms,
    aws_sqs as sqs,
)
from constructs import Construct


class LedgerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ledger_key = kms.Key(self, "LedgerKey", alias="alias/ledger", enable_key_rotation=True)

        ledger_dlq = sqs.Queue(
            self,
            "LedgerQueueDlq",
            queue_name="ledger-entries-dlq.fifo",
            fifo=True,
            retention_period=Duration.days(14),
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=ledger_key,
        )

        ledger_queue = sqs.Queue(
            self,
            "LedgerQueue",
            queue_name="ledger-entries.fifo",
            content_based_deduplication=True,
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=ledger_key,
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=ledger_dlq),
        )
