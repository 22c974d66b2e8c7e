"""Nightly reconciliation, triggered by an EventBridge schedule (docs-style layout)."""

import pulumi
import pulumi_aws as aws

reconcile_role = aws.iam.Role("reconcile-role",
    assume_role_policy=aws.iam.get_policy_document(statements=[{
        "actions": ["sts:AssumeRole"],
        "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}],
    }]).json)

reconcile = aws.lambda_.Function("reconcile",
    role=reconcile_role.arn,
    runtime="python3.12",
    handler="reconcile.handler",
    code=pulumi.FileArchive("./reconcile"),
    opts=pulumi.ResourceOptions(protect=True))

nightly = aws.cloudwatch.EventRule("nightly",
    schedule_expression="cron(0 2 * * ? *)")

aws.cloudwatch.EventTarget("nightly-reconcile",
    rule=nightly.name,
    arn=reconcile.arn)
