"""Encryption was switched off for a consumer that could not decrypt."""

import pulumi_aws as aws

legacy_feed = aws.sqs.Queue(
    "legacy-feed",
    sqs_managed_sse_enabled=True,
    visibility_timeout_seconds=30,
)
