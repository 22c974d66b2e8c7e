import pulumi
import pulumi_aws as aws

# The platform's log subscription sets retention on every /aws/lambda group it finds.
# iacfix: ignore[log-retention]
debug = aws.lambda_.Function(
    "debug",
    name="debug",
    runtime="python3.12",
    handler="debug.handler",
    role="arn:aws:iam::123456789012:role/debug",
    code=pulumi.FileArchive("./functions/debug"),
)
