"""Orders service."""

import json

import pulumi
import pulumi_aws as aws

orders_dlq = aws.sqs.Queue("orders-dlq")
orders_queue = aws.sqs.Queue(
    "orders",
    redrive_policy=orders_dlq.arn.apply(lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 5})),
)

orders = aws.dynamodb.Table(
    "orders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)

order_events = aws.sns.Topic("order-events")
ops = aws.sns.Topic("ops")

aws.cloudwatch.MetricAlarm(
    "orders-dlq-messages",
    namespace="AWS/SQS",
    metric_name="ApproximateNumberOfMessagesVisible",
    dimensions={"QueueName": orders_dlq.name},
    statistic="Maximum",
    period=60,
    evaluation_periods=1,
    threshold=0,
    comparison_operator="GreaterThanThreshold",
    alarm_actions=[ops.arn],
)

webhooks = aws.apigatewayv2.Api("webhooks", protocol_type="HTTP")

database = aws.rds.Cluster(
    "orders-db",
    engine="aurora-postgresql",
    master_username="orders",
    manage_master_user_password=True,
)

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    description="Sessions",
    engine="redis",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
)


def audit_queue():
    return aws.sqs.Queue("audit")


pulumi.export("orders_queue_url", orders_queue.url)
pulumi.export("orders_table_name", orders.name)
pulumi.export("order_events_topic_arn", order_events.arn)
pulumi.export("webhooks_api_url", webhooks.api_endpoint)
pulumi.export("database_endpoint", database.endpoint)
pulumi.export("sessions_cache_endpoint", sessions.primary_endpoint_address)
