from aws_cdk import (
    CfnOutput,
    Duration,
    Stack,
    aws_apigateway as apigateway,
    aws_cloudwatch as cloudwatch,
    aws_cloudwatch_actions as cw_actions,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_lambda as lambda_,
    aws_rds as rds,
    aws_sns as sns,
    aws_sqs as sqs,
)
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders_dlq = sqs.Queue(self, "OrdersDeadLetterQueue", retention_period=Duration.days(14))
        orders_queue = sqs.Queue(
            self,
            "OrdersQueue",
            visibility_timeout=Duration.seconds(60),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=orders_dlq),
        )

        CfnOutput(self, "OrdersQueueUrl", value=orders_queue.queue_url)

        orders_table = dynamodb.Table(
            self,
            "OrdersTable",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        )
        orders_table.add_global_secondary_index(
            index_name="by-customer",
            partition_key=dynamodb.Attribute(name="customer", type=dynamodb.AttributeType.STRING),
        )

        CfnOutput(self, "OrdersTableName", value=orders_table.table_name)

        order_events = sns.Topic(self, "OrderEvents")
        CfnOutput(self, "OrderEventsArn", value=order_events.topic_arn)
        ops_topic = sns.Topic(self, "OpsTopic")

        handler = lambda_.Function(
            self,
            "OrdersHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
        errors = handler.metric_errors().create_alarm(self, "OrdersHandlerErrors", threshold=5, evaluation_periods=1)
        errors.add_alarm_action(cw_actions.SnsAction(ops_topic))

        apigateway.LambdaRestApi(self, "OrdersApi", handler=handler)

        database = rds.DatabaseCluster(
            self,
            "OrdersDatabase",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.provisioned("writer"),
            vpc=vpc,
        )

        CfnOutput(self, "OrdersDatabaseEndpoint", value=database.cluster_endpoint.hostname)

        sqs.Queue(self, "AuditQueue")
