import pulumi
import pulumi_aws as aws

stage = pulumi.get_stack()
tags = {"Team": "billing"}

role = aws.iam.Role("invoice-role", assume_role_policy=aws.iam.get_policy_document(statements=[{"actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}]}]).json, tags=tags)

invoices = aws.sns.Topic("invoices", tags=tags)

renderer_dlq = aws.sqs.Queue(
    "invoice-renderer-dlq",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True,
    tags=tags,
)

renderer_dlq_policy = aws.iam.RolePolicy(
    "invoice-renderer-dlq-policy",
    role=role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": renderer_dlq.arn}],
        }
    ),
)

# Renders an invoice PDF for every published invoice.
renderer = aws.lambda_.Function(
    "invoice-renderer",
    runtime="python3.12",
    handler="render.handler",
    role=role.arn,
    code=pulumi.FileArchive("./render"),
    dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(target_arn=renderer_dlq.arn),
    tags=tags,
    opts=pulumi.ResourceOptions(depends_on=[renderer_dlq_policy]),
)

aws.sns.TopicSubscription("invoice-renderer-sub", topic=invoices.arn, protocol="lambda", endpoint=renderer.arn)
aws.lambda_.Permission("invoice-renderer-invoke", action="lambda:InvokeFunction", function=renderer.name, principal="sns.amazonaws.com", source_arn=invoices.arn)
