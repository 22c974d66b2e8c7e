"""Queue between the checkout API and the payment workers."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

payment_queue_dlq = aws.sqs.Queue(
    f"payment-queue-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
)

payment_queue = aws.sqs.Queue(
    f"payment-queue-{environment_suffix}",
    visibility_timeout_seconds=120,
    redrive_policy=pulumi.Output.json_dumps(
        {"deadLetterTargetArn": payment_queue_dlq.arn, "maxReceiveCount": 3}
    ),
)

pulumi.export("payment_queue_url", payment_queue.url)
