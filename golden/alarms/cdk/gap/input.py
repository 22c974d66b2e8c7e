from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders_dlq = sqs.Queue(self, "OrdersDlq", queue_name=f"orders-dlq-{environment_suffix}")
        orders_queue = sqs.Queue(
            self,
            "OrdersQueue",
            queue_name=f"orders-{environment_suffix}",
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=orders_dlq),
        )

        table = dynamodb.Table(
            self,
            "OrdersTable",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        )

        process_order = lambda_.Function(
            self,
            "ProcessOrder",
            function_name=f"process-order-{environment_suffix}",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
        table.grant_read_write_data(process_order)
