"""Production reserves more for the grading path."""

import pulumi
import pulumi_aws as aws

grader = aws.lambda_.Function(
    "grader",
    runtime="python3.12",
    handler="grader.handler",
    role="arn:aws:iam::111122223333:role/grading",
    code=pulumi.FileArchive("./functions/grader"),
    memory_size=2048,
)
