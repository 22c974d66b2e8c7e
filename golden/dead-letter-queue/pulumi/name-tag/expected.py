"""Payment events."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

payment_events_dlq = aws.sqs.Queue(
    "payment-events-dlq",
    name=f"payment-events-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True,
    tags={"Team": "payments"},
)

payment_events = aws.sqs.Queue(
    "payment-events",
    name=f"payment-events-{environment_suffix}",
    visibility_timeout_seconds=60,
    sqs_managed_sse_enabled=True,
    redrive_policy=pulumi.Output.json_dumps(
        {"deadLetterTargetArn": payment_events_dlq.arn, "maxReceiveCount": 3}
    ),
    tags={"Name": "payment-events", "Team": "payments"},
)
