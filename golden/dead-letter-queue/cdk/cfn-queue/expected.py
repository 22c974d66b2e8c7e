from aws_cdk import Stack
import aws_cdk.aws_sqs as sqs
from constructs import Construct


class IngestQueuesStack(Stack):
  def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
    super().__init__(scope, construct_id, **kwargs)

    # Resources
    ingestDeadLetters = sqs.CfnQueue(self, 'IngestDeadLetters',
          message_retention_period = 1209600,
        )

    ingestQueue = sqs.CfnQueue(self, 'IngestQueue',
          visibility_timeout = 120,
          redrive_policy = {
            'deadLetterTargetArn': ingestDeadLetters.attr_arn,
            'maxReceiveCount': 5,
          },
        )

    ledgerDlq = sqs.CfnQueue(self, 'LedgerQueueDlq',
          queue_name = 'ledger-dlq.fifo',
          fifo_queue = True,
          message_retention_period = 1209600,
          sqs_managed_sse_enabled = True,
        )

    ledgerQueue = sqs.CfnQueue(self, 'LedgerQueue',
          queue_name = 'ledger.fifo',
          fifo_queue = True,
          sqs_managed_sse_enabled = True,
          redrive_policy = {
            'deadLetterTargetArn': ledgerDlq.attr_arn,
            'maxReceiveCount': 3,
          },
        )
