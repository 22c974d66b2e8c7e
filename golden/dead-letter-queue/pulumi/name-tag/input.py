"""Payment events."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

payment_events = aws.sqs.Queue(
    "payment-events",
    name=f"payment-events-{environment_suffix}",
    visibility_timeout_seconds=60,
    sqs_managed_sse_enabled=True,
    tags={"Name": "payment-events", "Team": "payments"},
)
