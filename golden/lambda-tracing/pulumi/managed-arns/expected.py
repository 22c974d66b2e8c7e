"""Ingest function whose role lists its managed policies."""

import json

import pulumi
import pulumi_aws as aws

ingest_role = aws.iam.Role(
    'ingest-role',
    assume_role_policy=json.dumps({
        'Version': '2012-10-17',
        'Statement': [{
            'Effect': 'Allow',
            'Principal': {'Service': 'lambda.amazonaws.com'},
            'Action': 'sts:AssumeRole',
        }],
    }),
    managed_policy_arns=[
        'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
        'arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess',
    ],
)

ingest = aws.lambda_.Function(
    'ingest',
    runtime='python3.12',
    handler='ingest.handler',
    role=ingest_role.arn,
    code=pulumi.FileArchive('./ingest'),
    memory_size=512,
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode='Active'),
)
