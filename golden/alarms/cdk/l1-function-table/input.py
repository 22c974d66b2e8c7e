from aws_cdk import Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders_table = dynamodb.CfnTable(
            self,
            "OrdersTable",
            table_name=f"orders-{environment_suffix}",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="id", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="id", attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )

        process_order = lambda_.CfnFunction(
            self,
            "ProcessOrder",
            runtime="python3.12",
            handler="index.handler",
            role="arn:aws:iam::123456789012:role/process-order",
            code=lambda_.CfnFunction.CodeProperty(zip_file="def handler(event, context):\n    return event\n"),
        )
