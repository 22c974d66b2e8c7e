"""Payments ledger database, already hardened."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

ledger_db = aws.rds.Instance(
    f"ledger-db-{environment_suffix}",
    engine="mysql",
    engine_version="8.0",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    username="ledger_admin",
    manage_master_user_password=True,
    storage_encrypted=True,
    deletion_protection=True,
    backup_retention_period=14,
    enabled_cloudwatch_logs_exports=["error", "slowquery"],
    copy_tags_to_snapshot=True,
    auto_minor_version_upgrade=True,
)

reports_cluster = aws.rds.Cluster(
    f"reports-{environment_suffix}",
    engine=aws.rds.EngineType.AURORA_POSTGRESQL,
    master_username="reports",
    manage_master_user_password=True,
    storage_encrypted=True,
    deletion_protection=True,
    backup_retention_period=7,
    enabled_cloudwatch_logs_exports=["postgresql"],
    copy_tags_to_snapshot=True,
)

aws.rds.ClusterInstance(
    f"reports-1-{environment_suffix}",
    cluster_identifier=reports_cluster.id,
    instance_class="db.r6g.large",
    engine=reports_cluster.engine,
    auto_minor_version_upgrade=True,
)
