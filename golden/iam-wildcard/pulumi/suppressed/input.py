"""Writes to any queue of the account, on purpose."""

import json

import pulumi
import pulumi_aws as aws

queue = aws.sqs.Queue("fanout")

aws.iam.Policy(
    "fanout-sender",
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "sqs:SendMessage",
                    # iacfix: ignore[iam-wildcard] - tenant queues are created at runtime
                    "Resource": "*",
                }
            ],
        }
    ),
)
