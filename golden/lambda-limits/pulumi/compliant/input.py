"""Functions that state their budget, as literals or from configuration."""

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
    timeout=60,
    memory_size=1024,
)

exporter = aws.lambda_.Function(
    "exporter",
    runtime="python3.12",
    handler="exporter.handler",
    role=role_arn,
    code=pulumi.FileArchive("./functions/exporter"),
    timeout=config.get_int("exporterTimeout") or 300,
    memory_size=config.get_int("exporterMemory") or 2048,
)
