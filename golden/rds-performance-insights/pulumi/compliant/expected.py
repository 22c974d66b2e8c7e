"""Performance Insights only where the class supports it, or switched off explicitly."""

import pulumi
import pulumi_aws as aws

orders_db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    username="orders",
    manage_master_user_password=True,
    performance_insights_enabled=True,
    performance_insights_retention_period=7,
)

sandbox_db = aws.rds.Instance(
    "sandbox-db",
    engine="mysql",
    instance_class=aws.rds.InstanceType.T3_MICRO,
    allocated_storage=20,
    username="sandbox",
    manage_master_user_password=True,
    performance_insights_enabled=False,
)

cache_db = aws.rds.Instance(
    "cache-db",
    engine="postgres",
    instance_class="db.t3.small",
    allocated_storage=20,
    username="cache",
    manage_master_user_password=True,
)
