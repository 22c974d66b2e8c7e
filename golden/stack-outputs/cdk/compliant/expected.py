import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb, aws_sqs as sqs
from constructs import Construct


class OrdersStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.queue = sqs.Queue(self, "OrdersQueue")
        table = dynamodb.Table(
            self,
            "OrdersTable",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )

        cdk.CfnOutput(self, "QueueArn", value=self.queue.queue_arn, export_name="orders-queue-arn")
        cdk.CfnOutput(self, "TableStream", value=cdk.Fn.join("/", [table.table_arn, "stream"]))
