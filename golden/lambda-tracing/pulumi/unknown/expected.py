"""Tracing mode and role policies come from config."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
tracing_mode = config.get("tracingMode") or "PassThrough"
extra_policy = config.get("extraPolicyArn") or "arn:aws:iam::aws:policy/ReadOnlyAccess"

role = aws.iam.Role(
    "worker-role",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    ),
)

aws.iam.RolePolicyAttachment("worker-extra", role=role.name, policy_arn=extra_policy)

worker = aws.lambda_.Function(
    "worker",
    runtime="python3.12",
    handler="worker.handler",
    role=role.arn,
    code=pulumi.FileArchive("./worker"),
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode=tracing_mode),
)

helper = aws.lambda_.Function(
    "helper",
    runtime="python3.12",
    handler="helper.handler",
    role=role.arn,
    code=pulumi.FileArchive("./helper"),
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
)
