import pulumi
import pulumi_aws as aws

# iacfix: ignore[alarms] -- a report job, watched by its consumers
report = aws.lambda_.Function(
    "nightly-report",
    role="arn:aws:iam::123456789012:role/reports-lambda",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./lambda"),
)
