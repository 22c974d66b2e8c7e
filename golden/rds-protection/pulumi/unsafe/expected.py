"""Legacy customer database, created before the encryption policy."""

import pulumi_aws as aws

customers_db = aws.rds.Instance(
    "customers-db",
    engine="mysql",
    instance_class="db.m6g.large",
    allocated_storage=200,
    username="customers",
    manage_master_user_password=True,
    storage_encrypted=True,
    deletion_protection=True,
    backup_retention_period=7,
    enabled_cloudwatch_logs_exports=["error"],
    copy_tags_to_snapshot=True,
    auto_minor_version_upgrade=True,
)

archive = aws.rds.Cluster(
    "archive",
    engine="aurora-postgresql",
    master_username="archive",
    manage_master_user_password=True,
    storage_encrypted=True,
    backup_retention_period=7,
    deletion_protection=True,
    enabled_cloudwatch_logs_exports=["postgresql"],
    copy_tags_to_snapshot=True,
)
