"""Orders service: a table, a FIFO queue and a bucket with fixed names."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_table = aws.dynamodb.Table(
    f"orders-{environment_suffix}",
    name=f"orders-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="orderId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="orderId", type="S")],
)

orders_queue = aws.sqs.Queue(
    f"orders-queue-{environment_suffix}",
    name=f"orders-events-{environment_suffix}.fifo",
    fifo_queue=True,
)

receipts_bucket = aws.s3.BucketV2(
    f"receipts-{environment_suffix}",
    bucket=f"acme-order-receipts-{environment_suffix}",
)
