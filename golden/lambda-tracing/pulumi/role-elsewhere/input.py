"""A function that explicitly passes tracing through, with a role from outside the program:
turning tracing on without the role's grant would fail the deploy, so it is reported only."""

import pulumi
import pulumi_aws as aws

role_arn = pulumi.Config().get("roleArn") or "arn:aws:iam::123456789012:role/shared-lambda"

exporter = aws.lambda_.Function(
    "exporter",
    runtime="python3.12",
    handler="exporter.handler",
    role=role_arn,
    code=pulumi.FileArchive("./exporter"),
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(
        mode="PassThrough",
    ),
)
