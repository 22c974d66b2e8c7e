"""Orders databases."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_db = aws.rds.Instance(
    f"orders-db-{environment_suffix}",
    engine="postgres",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    username="orders_admin",
    manage_master_user_password=True,
    backup_retention_period=7,
    tags={"Team": "orders"},
)

ledger = aws.rds.Cluster(
    f"ledger-{environment_suffix}",
    engine="aurora-postgresql",
    master_username="ledger_admin",
    manage_master_user_password=True,
)

ledger_writer = aws.rds.ClusterInstance(
    f"ledger-writer-{environment_suffix}",
    cluster_identifier=ledger.id,
    instance_class="db.r6g.large",
    engine=ledger.engine,
)
