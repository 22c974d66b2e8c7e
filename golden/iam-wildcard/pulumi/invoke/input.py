"""A scheduler role that invokes the one worker function of the stack."""

import json

import pulumi
import pulumi_aws as aws

worker_role = aws.iam.Role(
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

worker = aws.lambda_.Function(
    "worker",
    runtime="python3.12",
    handler="worker.handler",
    role=worker_role.arn,
    code=pulumi.FileArchive("./worker"),
)

scheduler_role = aws.iam.Role(
    "scheduler-role",
    assume_role_policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "scheduler.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    ),
    inline_policies=[
        aws.iam.RoleInlinePolicyArgs(
            name="invoke-worker",
            policy=pulumi.Output.json_dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Sid": "Invoke", "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": ["*"]}],
                }
            ),
        )
    ],
)
