"""A queue that only ever carries object keys of public files."""

import pulumi_aws as aws

# iacfix: ignore[sqs-encryption] -- carries public object keys only
thumbnails = aws.sqs.Queue(
    "thumbnails",
    visibility_timeout_seconds=60,
)

warmup = aws.sqs.Queue("warmup")  # iacfix: ignore[IAC013]
