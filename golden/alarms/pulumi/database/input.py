"""Reporting database and the orders Aurora cluster."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

alarm_topic = aws.sns.Topic("alarms", name=f"alarms-{environment_suffix}")

reports_db = aws.rds.Instance(
    "reports",
    identifier=f"reports-{environment_suffix}",
    engine="postgres",
    engine_version="16.3",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    username="reports",
    manage_master_user_password=True,
    storage_encrypted=True,
    deletion_protection=True,
)

orders_cluster = aws.rds.Cluster(
    "orders",
    engine="aurora-postgresql",
    engine_version="16.2",
    master_username="orders",
    manage_master_user_password=True,
    storage_encrypted=True,
    deletion_protection=True,
)

orders_writer = aws.rds.ClusterInstance(
    "orders-writer",
    cluster_identifier=orders_cluster.id,
    instance_class="db.r6g.large",
    engine=orders_cluster.engine,
)
