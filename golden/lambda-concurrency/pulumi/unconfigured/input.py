"""Function that scores multiple-choice answers."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

scorer_role = aws.iam.Role(
    f"scorer-role-{environment_suffix}",
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

scorer = aws.lambda_.Function(
    f"scorer-{environment_suffix}",
    runtime="python3.12",
    handler="scorer.handler",
    role=scorer_role.arn,
    code=pulumi.FileArchive("./functions/scorer"),
    environment=aws.lambda_.FunctionEnvironmentArgs(
        variables={"STAGE": environment_suffix},
    ),
    tags={"Team": "assessments"},
)

pulumi.export("scorer_arn", scorer.arn)
