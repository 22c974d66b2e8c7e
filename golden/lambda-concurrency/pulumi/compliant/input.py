"""Functions that reserve concurrency, or explicitly choose not to."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
role_arn = "arn:aws:iam::111122223333:role/grading"

grader = aws.lambda_.Function(
    "grader",
    runtime="python3.12",
    handler="grader.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/grader"),
    reserved_concurrent_executions=50,
)

# Bursty and harmless: left unreserved on purpose.
healthcheck = aws.lambda_.Function(
    "healthcheck",
    runtime="python3.12",
    handler="health.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/health"),
    reserved_concurrent_executions=-1,
)

exporter = aws.lambda_.Function(
    "exporter",
    runtime="python3.12",
    handler="exporter.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/exporter"),
    reserved_concurrent_executions=config.get_int("exporterConcurrency"),
)
