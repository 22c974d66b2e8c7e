"""Payments worker: the stack has no environment suffix yet."""

import json

import pulumi
import pulumi_aws as aws

worker_role = aws.iam.Role(
    "payments-worker-role",
    name=f"payments-worker-{pulumi.get_stack()}",
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

worker_logs = aws.cloudwatch.LogGroup(
    "payments-worker-logs",
    name=f"/aws/lambda/payments-worker-{pulumi.get_stack()}",
    retention_in_days=30,
)
