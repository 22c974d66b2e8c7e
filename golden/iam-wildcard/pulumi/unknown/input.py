"""Actions and effects chosen by configuration."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
read_actions = config.get_object("readActions") or ["sqs:ReceiveMessage"]
effect = config.get("effect") or "Allow"

queue = aws.sqs.Queue("jobs")

aws.iam.Policy(
    "jobs-reader",
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": read_actions, "Resource": "*"},
                {"Effect": effect, "Action": "sqs:DeleteMessage", "Resource": "*"},
            ],
        }
    ),
)
