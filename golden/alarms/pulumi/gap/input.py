import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

orders_dlq = aws.sqs.Queue("orders-dlq", name=f"orders-dlq-{environment_suffix}")

orders_queue = aws.sqs.Queue(
    "orders",
    name=f"orders-{environment_suffix}",
    redrive_policy=orders_dlq.arn.apply(
        lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 3})
    ),
)

orders_table = aws.dynamodb.Table(
    "orders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)

process_order = aws.lambda_.Function(
    "process-order",
    name=f"process-order-{environment_suffix}",
    role="arn:aws:iam::123456789012:role/orders-lambda",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./lambda"),
    tags={"Team": "orders"},
)

api = aws.apigatewayv2.Api("orders-api", protocol_type="HTTP")
