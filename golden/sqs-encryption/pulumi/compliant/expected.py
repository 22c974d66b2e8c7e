"""Queues of the notification service: SQS-managed or KMS encryption."""

import pulumi_aws as aws

key = aws.kms.Key("notifications-key", enable_key_rotation=True)

emails = aws.sqs.Queue("emails", sqs_managed_sse_enabled=True)

sms = aws.sqs.Queue(
    "sms",
    kms_master_key_id=key.id,
    kms_data_key_reuse_period_seconds=300,
)

# The AWS-managed key is fine too.
pushes = aws.sqs.Queue("pushes", kms_master_key_id="alias/aws/sqs")
