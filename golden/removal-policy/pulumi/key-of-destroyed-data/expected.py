"""The secret is deleted at once on destroy (no recovery window): the key that encrypts it
goes with it, so it is not asked to be kept. The audit key encrypts nothing stated to go:
it is."""

import pulumi
import pulumi_aws as aws

secrets_key = aws.kms.Key("secrets", enable_key_rotation=True)

api = aws.secretsmanager.Secret(
    "api-credentials",
    recovery_window_in_days=0,
    kms_key_id=secrets_key.arn,
)

audit_key = aws.kms.Key(
    "audit",
    enable_key_rotation=True,
    opts=pulumi.ResourceOptions(protect=True),
)
