import pulumi
import pulumi_aws as aws

from queues import orders

table = aws.dynamodb.Table(
    "orders",
    name="orders",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    billing_mode="PAY_PER_REQUEST",
)

pulumi.export("queue", orders.url)
