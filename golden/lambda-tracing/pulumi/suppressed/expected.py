"""Tracing is switched off on purpose for this chatty function."""

import json

import pulumi
import pulumi_aws as aws

poller_role = aws.iam.Role(
    "poller-role",
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

# iacfix: ignore[lambda-tracing] - sampled by the vendor agent instead
poller = aws.lambda_.Function(
    "poller",
    runtime="python3.12",
    handler="poller.handler",
    role=poller_role.arn,
    code=pulumi.FileArchive("./poller"),
)
