from aws_cdk import (
    Stack,
    aws_kms as kms,
)
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kms.Key(self, "DataKey", alias="alias/data", enable_key_rotation=True)

        self.audit_key = kms.Key(self, "AuditKey", enable_key_rotation=True)
        self.audit_key.add_alias("alias/audit")

        backup_key = kms.Key(self, "BackupKey", enable_key_rotation=True)
        kms.Alias(self, "BackupKeyAlias", alias_name="alias/backup", target_key=backup_key)

        legacy_key = kms.Key(self, "LegacyKey")
        kms.CfnAlias(self, "LegacyKeyAlias", alias_name="alias/legacy", target_key_id=legacy_key.key_id)
