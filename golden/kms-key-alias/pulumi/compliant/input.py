"""Keys with aliases, referenced every way Pulumi programs do."""

import pulumi
import pulumi_aws as aws

environment_suffix = pulumi.get_stack()

ledger_key = aws.kms.Key("ledger-key", enable_key_rotation=True)
aws.kms.Alias("ledger-key-alias", name=f"alias/ledger-{environment_suffix}", target_key_id=ledger_key.id)

audit_key = aws.kms.Key("audit-key", enable_key_rotation=True)
audit_alias = aws.kms.Alias(
    "audit-key-alias",
    name=f"alias/audit-{environment_suffix}",
    target_key_id=audit_key.arn,
)

backup_key = aws.kms.Key("backup-key", enable_key_rotation=True)
backup_alias = aws.kms.Alias("backup-alias", name="alias/backup", target_key_id=backup_key.key_id)
