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

aws.cloudwatch.MetricAlarm(
    "reports-cpu",
    name=f"reports-cpu-{environment_suffix}",
    alarm_description=(
        "DB instance reports used more than 80 percent of its CPU on average for 5 "
        "minutes"
    ),
    namespace="AWS/RDS",
    metric_name="CPUUtilization",
    dimensions={"DBInstanceIdentifier": reports_db.identifier},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=80,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
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

aws.cloudwatch.MetricAlarm(
    "orders-cpu",
    alarm_description=(
        "DB cluster orders used more than 80 percent of its CPU on average for 5 "
        "minutes"
    ),
    namespace="AWS/RDS",
    metric_name="CPUUtilization",
    dimensions={"DBClusterIdentifier": orders_cluster.cluster_identifier},
    statistic="Average",
    period=300,
    evaluation_periods=1,
    threshold=80,
    comparison_operator="GreaterThanThreshold",
    treat_missing_data="notBreaching",
    alarm_actions=[alarm_topic.arn],
)

orders_writer = aws.rds.ClusterInstance(
    "orders-writer",
    cluster_identifier=orders_cluster.id,
    instance_class="db.r6g.large",
    engine=orders_cluster.engine,
)
