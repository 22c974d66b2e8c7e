from aws_cdk import Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as cw_actions, aws_sns as sns
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")

        orders_dlq = sqs.Queue(self, "OrdersDlq", queue_name=f"orders-dlq-{environment_suffix}")
        orders_queue = sqs.Queue(
            self,
            "OrdersQueue",
            queue_name=f"orders-{environment_suffix}",
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=orders_dlq),
        )

        orders_dlq.metric_approximate_number_of_messages_visible().create_alarm(
            self,
            "OrdersDlqMessages",
            alarm_name=f"orders-dlq-messages-{environment_suffix}",
            alarm_description=(
                "Dead-letter queue OrdersDlq holds more than 0 messages: messages failed processing"
            ),
            threshold=0,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        table = dynamodb.Table(
            self,
            "OrdersTable",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        )

        table.metric("ReadThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersTableReadThrottles",
            alarm_description="DynamoDB table OrdersTable throttled 10 or more reads in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        table.metric("WriteThrottleEvents", statistic="Sum").create_alarm(
            self,
            "OrdersTableWriteThrottles",
            alarm_description="DynamoDB table OrdersTable throttled 10 or more writes in 5 minutes",
            threshold=10,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        process_order = lambda_.Function(
            self,
            "ProcessOrder",
            function_name=f"process-order-{environment_suffix}",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="index.handler",
            code=lambda_.Code.from_asset("lambda"),
        )
        process_order.metric_errors().create_alarm(
            self,
            "ProcessOrderErrors",
            alarm_name=f"process-order-errors-{environment_suffix}",
            alarm_description="Lambda function ProcessOrder failed 5 or more times in 5 minutes",
            threshold=5,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        process_order.metric_throttles().create_alarm(
            self,
            "ProcessOrderThrottles",
            alarm_name=f"process-order-throttles-{environment_suffix}",
            alarm_description="Lambda function ProcessOrder was throttled 1 or more times in 5 minutes",
            threshold=1,
            evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
        table.grant_read_write_data(process_order)
