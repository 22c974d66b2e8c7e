import json

import pulumi
import pulumi_aws as aws

reports_role = aws.iam.Role(
    "reports-role",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {"Service": "lambda.amazonaws.com"},
        }],
    }),
)

# Invoked by SDK calls from another stack: no invoker in this program.
reports = aws.lambda_.Function(
    "reports",
    runtime="python3.12",
    handler="reports.handler",
    role=reports_role.arn,
    code=pulumi.FileArchive("./reports"),
)

pulumi.export("reports_function_arn", reports.arn)
