"""Payments ledger database: one PostgreSQL instance in the private subnets."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"
db_password = config.require_secret("dbPassword")

subnet_group = aws.rds.SubnetGroup(
    f"ledger-db-subnets-{environment_suffix}",
    subnet_ids=config.require_object("privateSubnetIds"),
)

ledger_db = aws.rds.Instance(
    f"ledger-db-{environment_suffix}",
    engine="postgres",
    engine_version="16.3",
    instance_class="db.t4g.medium",
    allocated_storage=50,
    db_name="ledger",
    username="ledger_admin",
    password=db_password,
    db_subnet_group_name=subnet_group.name,
    storage_encrypted=True,
    skip_final_snapshot=False,
    backup_retention_period=7,
    copy_tags_to_snapshot=True,
    deletion_protection=True,
    enabled_cloudwatch_logs_exports=["postgresql", "upgrade"],
    auto_minor_version_upgrade=True,
    tags={"Team": "payments"},
)

pulumi.export("ledger_db_endpoint", ledger_db.endpoint)
