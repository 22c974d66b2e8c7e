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

reports_dlq = aws.sqs.Queue(
    "reports-dlq",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True,
)

reports_dlq_policy = aws.iam.RolePolicy(
    "reports-dlq-policy",
    role=reports_role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "sqs:SendMessage",
                    "Resource": reports_dlq.arn,
                }
            ],
        }
    ),
)

# Invoked by SDK calls from another stack: no invoker in this program.
reports = aws.lambda_.Function(
    "reports",
    runtime="python3.12",
    handler="reports.handler",
    role=reports_role.arn,
    code=pulumi.FileArchive("./reports"),
    dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(
        target_arn=reports_dlq.arn
    ),
    opts=pulumi.ResourceOptions(depends_on=[reports_dlq_policy]),
)

pulumi.export("reports_function_arn", reports.arn)
