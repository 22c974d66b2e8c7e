"""A work queue whose consumer handles poison messages itself."""

import pulumi
import pulumi_aws as aws

# iacfix: ignore[dead-letter-queue] -- the consumer parks bad messages in S3
jobs = aws.sqs.Queue(
    "jobs",
    visibility_timeout_seconds=60,
)

events = aws.sqs.Queue("events")  # iacfix: ignore[IAC002]
