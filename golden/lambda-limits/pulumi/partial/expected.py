"""Each function states one of its limits: only the other is added."""

import pulumi
import pulumi_aws as aws

role_arn = "arn:aws:iam::111122223333:role/grading"

thumbnailer = aws.lambda_.Function(
    "thumbnailer",
    runtime="python3.12",
    handler="thumbnailer.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/thumbnailer"),
    timeout=3,
    memory_size=2048,
)

notifier = aws.lambda_.Function(
    "notifier",
    runtime="python3.12",
    handler="notifier.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/notifier"),
    timeout=10,
    memory_size=128,
    opts=pulumi.ResourceOptions(ignore_changes=["code"]),
)
