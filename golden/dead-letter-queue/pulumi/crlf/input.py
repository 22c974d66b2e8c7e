"""Queue between the checkout API and the payment workers."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

payment_queue = aws.sqs.Queue(
    f"payment-queue-{environment_suffix}",
    visibility_timeout_seconds=120,
)

pulumi.export("payment_queue_url", payment_queue.url)
