"""Receipt processing: S3 uploads trigger a Lambda function."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

receipts_bucket = aws.s3.BucketV2(f"receipts-{environment_suffix}")

processor_role = aws.iam.Role(
    f"receipt-processor-role-{environment_suffix}",
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

aws.iam.RolePolicyAttachment(
    f"receipt-processor-logs-{environment_suffix}",
    role=processor_role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)

receipt_processor_dlq = aws.sqs.Queue(
    f"receipt-processor-dlq-{environment_suffix}",
    message_retention_seconds=1209600,
    sqs_managed_sse_enabled=True,
)

receipt_processor_dlq_policy = aws.iam.RolePolicy(
    f"receipt-processor-dlq-policy-{environment_suffix}",
    role=processor_role.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "sqs:SendMessage",
                    "Resource": receipt_processor_dlq.arn,
                }
            ],
        }
    ),
)

# Parses uploaded receipts and stores the totals.
receipt_processor = aws.lambda_.Function(
    f"receipt-processor-{environment_suffix}",
    runtime="python3.12",
    handler="processor.handler",
    role=processor_role.arn,
    timeout=60,
    code=pulumi.AssetArchive({".": pulumi.FileArchive("./processor")}),
    dead_letter_config=aws.lambda_.FunctionDeadLetterConfigArgs(
        target_arn=receipt_processor_dlq.arn
    ),
    opts=pulumi.ResourceOptions(depends_on=[receipt_processor_dlq_policy]),
)

allow_bucket = aws.lambda_.Permission(
    f"receipts-invoke-{environment_suffix}",
    action="lambda:InvokeFunction",
    function=receipt_processor.name,
    principal="s3.amazonaws.com",
    source_arn=receipts_bucket.arn,
)

aws.s3.BucketNotification(
    f"receipts-notification-{environment_suffix}",
    bucket=receipts_bucket.id,
    lambda_functions=[
        aws.s3.BucketNotificationLambdaFunctionArgs(
            lambda_function_arn=receipt_processor.arn,
            events=["s3:ObjectCreated:*"],
        )
    ],
    opts=pulumi.ResourceOptions(depends_on=[allow_bucket]),
)
