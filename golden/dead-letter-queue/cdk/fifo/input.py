from aws_cdk import (
    Stack,
    aws_kms as kms,
    aws_sqs as sqs,
)
from constructs import Construct


class LedgerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ledger_key = kms.Key(self, "LedgerKey", alias="alias/ledger", enable_key_rotation=True)

        ledger_queue = sqs.Queue(
            self,
            "LedgerQueue",
            queue_name="ledger-entries.fifo",
            content_based_deduplication=True,
            encryption=sqs.QueueEncryption.KMS,
            encryption_master_key=ledger_key,
        )
