"""Team defaults: 15 seconds and 256 MB."""

import pulumi
import pulumi_aws as aws

role_arn = "arn:aws:iam::111122223333:role/grading"

thumbnailer = aws.lambda_.Function(
    "thumbnailer",
    runtime="python3.12",
    handler="thumbnailer.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/thumbnailer"),
    timeout=15,
    memory_size=256,
)

notifier = aws.lambda_.Function(
    "notifier",
    runtime="python3.12",
    handler="notifier.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/notifier"),
    timeout=15,
    memory_size=256,
    opts=pulumi.ResourceOptions(ignore_changes=["code"]),
)
