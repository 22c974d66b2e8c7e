"""Nightly reconciliation, triggered by an EventBridge schedule (docs-style layout)."""

import pulumi
import pulumi_aws as aws

reconcile_role = aws.iam.Role("reconcile-role",
    assume_role_policy=aws.iam.get_policy_document(statements=[{
        "actions": ["sts:AssumeRole"],
        "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}],
    }]).json)

reconcile_dlq = aws.sqs.Queue("reconcile-dlq",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True)

reconcile_dlq_policy = aws.iam.RolePolicy("reconcile-dlq-policy",
    role=reconcile_role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "sqs:SendMessage",
                    "Resource": reconcile_dlq.arn,
                }
            ],
        }
    ))

reconcile = aws.lambda_.Function("reconcile",
    role=reconcile_role.arn,
    runtime="python3.12",
    handler="reconcile.handler",
    code=pulumi.FileArchive("./reconcile"),
    dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(
        target_arn=reconcile_dlq.arn
    ),
    opts=pulumi.ResourceOptions(protect=True, depends_on=[reconcile_dlq_policy]))

nightly = aws.cloudwatch.EventRule("nightly",
    schedule_expression="cron(0 2 * * ? *)")

aws.cloudwatch.EventTarget("nightly-reconcile",
    rule=nightly.name,
    arn=reconcile.arn)
