"""Encryption settings from configuration and shared settings."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

events = aws.sqs.Queue(
    "events",
    sqs_managed_sse_enabled=config.require_bool("encryptQueues"),
)

queue_settings = {"visibility_timeout_seconds": 30, "sqs_managed_sse_enabled": True}
jobs = aws.sqs.Queue("jobs", **queue_settings)



def queue_args(timeout: int) -> aws.sqs.QueueArgs:
    return aws.sqs.QueueArgs(visibility_timeout_seconds=timeout, sqs_managed_sse_enabled=True)


retries = aws.sqs.Queue("retries", args=queue_args(90))
