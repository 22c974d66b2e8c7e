"""A function that explicitly passes tracing through."""

import json

import pulumi
import pulumi_aws as aws

exporter_role = aws.iam.Role(
    "exporter-role",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }],
    }),
    managed_policy_arns=[
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    ],
)

exporter = aws.lambda_.Function(
    "exporter",
    runtime="python3.12",
    handler="exporter.handler",
    role=exporter_role.arn,
    code=pulumi.FileArchive("./exporter"),
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(
        mode="PassThrough",
    ),
)
