"""Queues that already keep their failed messages."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
api_role_arn = config.require("apiRoleArn")

payment_dlq = aws.sqs.Queue(
    f"payment-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
)

payment_queue = aws.sqs.Queue(
    f"payment-queue-{environment_suffix}",
    redrive_policy=payment_dlq.arn.apply(
        lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 5})
    ),
)

# The failure queue for refunds is wired by a separate redrive resource.
refund_failures = aws.sqs.Queue(f"refund-failures-{environment_suffix}")
refund_queue = aws.sqs.Queue(f"refund-queue-{environment_suffix}")
refund_redrive = aws.sqs.RedrivePolicy(
    "refund-redrive",
    queue_url=refund_queue.id,
    redrive_policy=pulumi.Output.json_dumps(
        {"deadLetterTargetArn": refund_failures.arn, "maxReceiveCount": 4}
    ),
)

# Invoked only synchronously (by API Gateway): no dead-letter queue needed.
api_handler = aws.lambda_.Function(
    f"api-handler-{environment_suffix}",
    runtime="python3.12",
    handler="app.handler",
    role=api_role_arn,
    code=pulumi.FileArchive("./app"),
)

aws.lambda_.Permission(
    f"api-handler-invoke-{environment_suffix}",
    action="lambda:InvokeFunction",
    function=api_handler.name,
    principal="apigateway.amazonaws.com",
)
