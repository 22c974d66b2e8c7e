"""Shop backend: one program, many resources."""

import pulumi
import pulumi_aws as aws

orders_queue = aws.sqs.Queue("orders")
payments_queue = aws.sqs.Queue("payments")
shipments_queue = aws.sqs.Queue("shipments")
refunds_queue = aws.sqs.Queue("refunds")

orders = aws.dynamodb.Table(
    "orders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)
customers = aws.dynamodb.Table(
    "customers",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)
carts = aws.dynamodb.Table(
    "carts",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)

order_events = aws.sns.Topic("order-events")
stock_events = aws.sns.Topic("stock-events")

storefront = aws.apigatewayv2.Api("storefront", protocol_type="HTTP")
webhooks = aws.apigatewayv2.Api("webhooks", protocol_type="HTTP")

database = aws.rds.Cluster(
    "shop-db",
    engine="aurora-postgresql",
    master_username="shop",
    manage_master_user_password=True,
)

sessions = aws.elasticache.ReplicationGroup(
    "sessions",
    description="Sessions",
    engine="redis",
    node_type="cache.t4g.small",
    num_cache_clusters=2,
)

pulumi.export("orders_queue_url", orders_queue.id)
pulumi.export("payments_queue_url", payments_queue.url)
pulumi.export("shipments_queue_url", shipments_queue.url)
pulumi.export("refunds_queue_url", refunds_queue.url)
pulumi.export("orders_table_name", orders.name)
pulumi.export("customers_table_name", customers.name)
pulumi.export("carts_table_name", carts.name)
pulumi.export("order_events_topic_arn", order_events.arn)
pulumi.export("stock_events_topic_arn", stock_events.arn)
pulumi.export("storefront_api_url", storefront.api_endpoint)
pulumi.export("webhooks_api_url", webhooks.api_endpoint)
pulumi.export("database_endpoint", database.endpoint)
pulumi.export("sessions_cache_endpoint", sessions.primary_endpoint_address)
