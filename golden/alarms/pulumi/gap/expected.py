import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

alarm_topic = aws.sns.Topic("alarms", name=f"alarms-{environment_suffix}")

orders_dlq = aws.sqs.Queue("orders-dlq", name=f"orders-dlq-{environment_suffix}")

orders_queue = aws.sqs.Queue(
    "orders",
    name=f"orders-{environment_suffix}",
    redrive_policy=orders_dlq.arn.apply(
        lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 3})
    ),
)

aws.cloudwatch.MetricAlarm(
    "orders-dlq-messages",
    name=f"orders-dlq-messages-{environment_suffix}",
    alarm_description=(
        "Dead-letter queue orders-dlq holds more than 0 messages: messages failed "
        "processing"
    ),
    namespace="AWS/SQS",
    metric_name="ApproximateNumberOfMessagesVisible",
    dimensions={"QueueName": orders_dlq.name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=0,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

orders_table = aws.dynamodb.Table(
    "orders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)

aws.cloudwatch.MetricAlarm(
    "orders-read-throttles",
    alarm_description="DynamoDB table orders throttled 10 or more reads in 5 minutes",
    namespace="AWS/DynamoDB",
    metric_name="ReadThrottleEvents",
    dimensions={"TableName": orders_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

aws.cloudwatch.MetricAlarm(
    "orders-write-throttles",
    alarm_description="DynamoDB table orders throttled 10 or more writes in 5 minutes",
    namespace="AWS/DynamoDB",
    metric_name="WriteThrottleEvents",
    dimensions={"TableName": orders_table.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

process_order = aws.lambda_.Function(
    "process-order",
    name=f"process-order-{environment_suffix}",
    role="arn:aws:iam::123456789012:role/orders-lambda",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./lambda"),
    tags={"Team": "orders"},
)

aws.cloudwatch.MetricAlarm(
    "process-order-errors",
    name=f"process-order-errors-{environment_suffix}",
    alarm_description=(
        "Lambda function process-order failed 5 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": process_order.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=5,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags={"Team": "orders"},
)

aws.cloudwatch.MetricAlarm(
    "process-order-throttles",
    name=f"process-order-throttles-{environment_suffix}",
    alarm_description=(
        "Lambda function process-order was throttled 1 or more times in 5 minutes"
    ),
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": process_order.name},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
    tags={"Team": "orders"},
)

api = aws.apigatewayv2.Api("orders-api", protocol_type="HTTP")

aws.cloudwatch.MetricAlarm(
    "orders-api-4xx-errors",
    alarm_description=(
        "HTTP API orders-api answered 5 percent or more of its requests with a 4xx "
        "error (throttling included) in 5 minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="4xx",
    dimensions={"ApiId": api.id},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=0.05,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

aws.cloudwatch.MetricAlarm(
    "orders-api-5xx-errors",
    alarm_description=(
        "HTTP API orders-api answered 10 or more requests with a 5xx error in 5 "
        "minutes"
    ),
    namespace="AWS/ApiGateway",
    metric_name="5xx",
    dimensions={"ApiId": api.id},
    statistic="Sum",
    period=300,
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)
