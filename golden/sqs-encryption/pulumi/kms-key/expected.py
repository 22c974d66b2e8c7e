"""With use_kms_key, the queues are encrypted with the file's only key."""

import pulumi_aws as aws

exports_key = aws.kms.Key(
    "exports-key",
    description="Encrypts report exports",
    enable_key_rotation=True,
)

exports_queue = aws.sqs.Queue(
    "exports",
    visibility_timeout_seconds=300,
    kms_master_key_id=exports_key.id,
)

# Already says how it is encrypted: left alone.
audit_queue = aws.sqs.Queue("audit", sqs_managed_sse_enabled=True)
