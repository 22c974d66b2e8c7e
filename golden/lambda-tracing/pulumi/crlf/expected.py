"""Receipt processing: a function that parses uploaded receipts."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

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

processor_role_xray = aws.iam.RolePolicyAttachment(
    f"receipt-processor-role-xray-{environment_suffix}",
    role=processor_role.name,
    policy_arn="arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
)

processor_logs = aws.iam.RolePolicyAttachment(
    f"receipt-processor-logs-{environment_suffix}",
    role=processor_role.name,
    policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
)

# Parses uploaded receipts and stores the totals.
receipt_processor = aws.lambda_.Function(
    f"receipt-processor-{environment_suffix}",
    runtime="python3.12",
    handler="processor.handler",
    role=processor_role.arn,
    timeout=60,
    code=pulumi.FileArchive("./processor"),
    tracing_config=aws.lambda_.FunctionTracingConfigArgs(mode="Active"),
    tags={"Team": "finance"},
)

pulumi.export("processor_arn", receipt_processor.arn)
