"""Payments worker: the stack has no environment suffix yet."""

import json

import pulumi
import pulumi_aws as aws

worker_role = aws.iam.Role(
    "payments-worker-role",
    name="payments-worker",
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
    name="/aws/lambda/payments-worker",
    retention_in_days=30,
)
