"""Encryption key for exported assessment reports."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

reports_key = aws.kms.Key(
    f"reports-key-{environment_suffix}",
    description="Encrypts exported assessment reports",
    deletion_window_in_days=30,
    tags={"Team": "assessments"},
)

aws.kms.Alias(
    f"reports-key-alias-{environment_suffix}",
    name=f"alias/reports-{environment_suffix}",
    target_key_id=reports_key.key_id,
)

pulumi.export("reports_key_arn", reports_key.arn)
