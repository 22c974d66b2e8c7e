from aws_cdk import Duration, Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as cw_actions, aws_sns as sns
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")

        orders_table = dynamodb.CfnTable(
            self,
            "OrdersTable",
            table_name=f"orders-{environment_suffix}",
            key_schema=[dynamodb.CfnTable.KeySchemaProperty(attribute_name="id", key_type="HASH")],
            attribute_definitions=[dynamodb.CfnTable.AttributeDefinitionProperty(attribute_name="id", attribute_type="S")],
            billing_mode="PAY_PER_REQUEST",
        )

        cloudwatch.Alarm(
            self,
            "OrdersTableReadThrottles",
            alarm_name=f"orders-read-throttles-{environment_suffix}",
            alarm_description="DynamoDB table OrdersTable throttled 10 or more reads in 5 minutes",
            metric=cloudwatch.Metric(
                namespace="AWS/DynamoDB",
                metric_name="ReadThrottleEvents",
                dimensions_map={"TableName": orders_table.ref},
                statistic="Sum",
                period=Duration.minutes(5),
            ),
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        cloudwatch.Alarm(
            self,
            "OrdersTableWriteThrottles",
            alarm_name=f"orders-write-throttles-{environment_suffix}",
            alarm_description="DynamoDB table OrdersTable throttled 10 or more writes in 5 minutes",
            metric=cloudwatch.Metric(
                namespace="AWS/DynamoDB",
                metric_name="WriteThrottleEvents",
                dimensions_map={"TableName": orders_table.ref},
                statistic="Sum",
                period=Duration.minutes(5),
            ),
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        process_order = lambda_.CfnFunction(
            self,
            "ProcessOrder",
            runtime="python3.12",
            handler="index.handler",
            role="arn:aws:iam::123456789012:role/process-order",
            code=lambda_.CfnFunction.CodeProperty(zip_file="def handler(event, context):\n    return event\n"),
        )

        cloudwatch.Alarm(
            self,
            "ProcessOrderErrors",
            alarm_description="Lambda function ProcessOrder failed 5 or more times in 5 minutes",
            metric=cloudwatch.Metric(
                namespace="AWS/Lambda",
                metric_name="Errors",
                dimensions_map={"FunctionName": process_order.ref},
                statistic="Sum",
                period=Duration.minutes(5),
            ),
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        cloudwatch.Alarm(
            self,
            "ProcessOrderThrottles",
            alarm_description="Lambda function ProcessOrder was throttled 1 or more times in 5 minutes",
            metric=cloudwatch.Metric(
                namespace="AWS/Lambda",
                metric_name="Throttles",
                dimensions_map={"FunctionName": process_order.ref},
                statistic="Sum",
                period=Duration.minutes(5),
            ),
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
