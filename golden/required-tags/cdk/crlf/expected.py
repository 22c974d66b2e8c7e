from aws_cdk import (
    RemovalPolicy,
    Stack,
    Tags,
    aws_dynamodb as dynamodb,
    aws_sqs as sqs,
)
from constructs import Construct


class OrdersDataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        self.environment_suffix = environment_suffix

        self.orders_table = dynamodb.Table(
            self,
            "OrdersTable",
            table_name=f"orders-{self.environment_suffix}",
            partition_key=dynamodb.Attribute(name="order_id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            removal_policy=RemovalPolicy.RETAIN,
        )

        self.events_queue = sqs.Queue(
            self,
            "OrderEventsQueue",
            queue_name=f"order-events-{self.environment_suffix}",
        )

        Tags.of(self).add("Environment", self.environment_suffix)
        Tags.of(self).add("ManagedBy", "cdk")
