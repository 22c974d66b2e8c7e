"""Ordered ledger updates."""

import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.get_stack()

ledger_queue_dlq = aws.sqs.Queue(
    "ledger-queue-dlq",
    name=f"ledger-dlq-{environment_suffix}.fifo",
    fifo_queue=True,
    message_retention_seconds=1209600,
    kms_master_key_id="alias/aws/sqs",
)

ledger_queue = aws.sqs.Queue(
    "ledger-queue",
    name=f"ledger-{environment_suffix}.fifo",
    fifo_queue=True,
    content_based_deduplication=True,
    kms_master_key_id="alias/aws/sqs",
    redrive_policy=pulumi.Output.json_dumps(
        {"deadLetterTargetArn": ledger_queue_dlq.arn, "maxReceiveCount": 3}
    ),
)
