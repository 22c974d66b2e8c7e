import pulumi
import pulumi_aws as aws

from queues import orders
from settings import environment_suffix

table = aws.dynamodb.Table(
    "orders",
    name=f"orders-{environment_suffix}",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    billing_mode="PAY_PER_REQUEST",
    tags={"Environment": environment_suffix, "ManagedBy": "pulumi"},
)

pulumi.export("queue", orders.url)
