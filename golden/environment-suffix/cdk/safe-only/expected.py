from aws_cdk import (
    Duration,
    Stack,
    aws_apigateway as apigw,
    aws_dynamodb as dynamodb,
    aws_elasticache as elasticache,
    aws_kms as kms,
    aws_lambda as lambda_,
    aws_logs as logs,
    aws_rds as rds,
    aws_sqs as sqs,
)
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        table = dynamodb.Table(
            self,
            "OrdersTable",
            table_name="orders",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        )

        sqs.Queue(
            self,
            "OrderEvents",
            queue_name="order-events.fifo",
            fifo=True,
            visibility_timeout=Duration.seconds(60),
        )

        handler = lambda_.Function(
            self,
            "OrdersHandler",
            function_name="orders_handler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_inline("def handler(event, context):\n    return None\n"),
            environment={"TABLE_NAME": table.table_name},
        )

        logs.LogGroup(self, "AuditLogs", log_group_name="/orders/audit")

        key = kms.Key(self, "OrdersKey", enable_key_rotation=True)
        kms.Alias(self, "OrdersKeyAlias", alias_name="alias/orders-key", target_key=key)

        rds.CfnDBInstance(
            self,
            "OrdersDb",
            db_instance_identifier="orders-db",
            db_instance_class="db.t3.micro",
            engine="postgres",
            allocated_storage="20",
            master_username="orders",
            manage_master_user_password=True,
        )

        elasticache.CfnReplicationGroup(
            self,
            "OrdersCache",
            replication_group_id="orders-cache",
            replication_group_description="Order lookups",
            engine="redis",
            cache_node_type="cache.t3.micro",
            num_cache_clusters=1,
        )

        table.grant_read_write_data(handler)

        api = apigw.LambdaRestApi(self, "OrdersApi", handler=handler, rest_api_name="orders-api")
        api.root.add_resource("orders").add_method("GET")
