"""Ordered ledger updates."""

import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.get_stack()

ledger_queue = aws.sqs.Queue(
    "ledger-queue",
    name=f"ledger-{environment_suffix}.fifo",
    fifo_queue=True,
    content_based_deduplication=True,
    kms_master_key_id="alias/aws/sqs",
)
