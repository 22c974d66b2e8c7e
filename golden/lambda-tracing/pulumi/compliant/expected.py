"""Two traced functions: one role with the managed policy, one with its own statement."""

import json

import pulumi
import pulumi_aws as aws

assume = json.dumps(
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
)

scorer_role = aws.iam.Role(
    "scorer-role",
    assume_role_policy=assume,
    managed_policy_arns=[
        aws.iam.ManagedPolicy.AWS_LAMBDA_BASIC_EXECUTION_ROLE,
        aws.iam.ManagedPolicy.AWSX_RAY_DAEMON_WRITE_ACCESS,
    ],
)

scorer = aws.lambda_.Function(
    "scorer",
    runtime="python3.12",
    handler="scorer.handler",
    role=scorer_role.arn,
    code=pulumi.FileArchive("./scorer"),
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
)

grader_role = aws.iam.Role("grader-role", assume_role_policy=assume)

aws.iam.RolePolicy(
    "grader-xray",
    role=grader_role.id,
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                    "Resource": "*",
                }
            ],
        }
    ),
)

grader = aws.lambda_.Function(
    "grader",
    runtime="python3.12",
    handler="grader.handler",
    role=grader_role.arn,
    code=pulumi.FileArchive("./grader"),
    tracing_config={"mode": "Active"},
)
