import pulumi
import pulumi_aws as aws

config = pulumi.Config()
dlq_name = config.get("dlqName") or "orders-dlq"

handler = aws.lambda_.Function(
    "handler",
    name="orders-handler",
    role="arn:aws:iam::123456789012:role/orders-lambda",
    runtime="python3.12",
    handler="index.handler",
    code=pulumi.FileArchive("./lambda"),
)

# by reference
aws.cloudwatch.MetricAlarm(
    "handler-errors",
    namespace="AWS/Lambda",
    metric_name="Errors",
    dimensions={"FunctionName": handler.name},
    statistic="Sum",
    period=60,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
)

# by the name written out
aws.cloudwatch.MetricAlarm(
    "handler-throttles",
    namespace="AWS/Lambda",
    metric_name="Throttles",
    dimensions={"FunctionName": "orders-handler"},
    statistic="Sum",
    period=60,
    evaluation_periods=1,
    threshold=1,
    comparison_operator="GreaterThanOrEqualToThreshold",
)

dlq = aws.sqs.Queue("dlq", name=dlq_name)
queue = aws.sqs.Queue("queue", redrive_policy=dlq.arn.apply(lambda arn: f'{{"deadLetterTargetArn": "{arn}", "maxReceiveCount": 3}}'))

# a dimension given by a variable: any dead-letter queue
aws.cloudwatch.MetricAlarm(
    "dlq-messages",
    namespace="AWS/SQS",
    metric_name="ApproximateNumberOfMessagesVisible",
    dimensions={"QueueName": dlq_name},
    statistic="Maximum",
    period=300,
    evaluation_periods=1,
    threshold=0,
    comparison_operator="GreaterThanThreshold",
)

table = aws.dynamodb.Table(
    "orders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)

# ThrottledRequests of one operation, in a metric query
aws.cloudwatch.MetricAlarm(
    "orders-throttles",
    evaluation_periods=1,
    threshold=10,
    comparison_operator="GreaterThanOrEqualToThreshold",
    metric_queries=[
        aws.cloudwatch.MetricAlarmMetricQueryArgs(
            id="put",
            return_data=True,
            metric=aws.cloudwatch.MetricAlarmMetricQueryMetricArgs(
                namespace="AWS/DynamoDB",
                metric_name="ThrottledRequests",
                period=300,
                stat="Sum",
                dimensions={"TableName": table.name, "Operation": "PutItem"},
            ),
        ),
    ],
)
