"""Orders API handler and the table it reads and writes."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_table = aws.dynamodb.Table(
    f"orders-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="orderId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="orderId", type="S")],
)

handler_role = aws.iam.Role(
    f"orders-handler-role-{environment_suffix}",
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

aws.iam.RolePolicy(
    f"orders-handler-data-{environment_suffix}",
    role=handler_role.id,
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                    "Resource": "*",
                }
            ],
        }
    ),
)
