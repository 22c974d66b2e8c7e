"""Preview database: removed with the stack."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

preview_db = aws.rds.Instance(
    "preview-db",
    engine="postgres",
    instance_class="db.t4g.micro",
    allocated_storage=20,
    username="preview_admin",
    password=config.require_secret("dbPassword"),
    storage_encrypted=True,
    final_snapshot_identifier="preview-db-final",
    backup_retention_period=7,
    copy_tags_to_snapshot=True,
    enabled_cloudwatch_logs_exports=["postgresql", "upgrade"],
    auto_minor_version_upgrade=True,
    opts=pulumi.ResourceOptions(retain_on_delete=False),
)

pulumi.export("preview_db_endpoint", preview_db.endpoint)
