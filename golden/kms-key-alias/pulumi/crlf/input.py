"""Encryption key for card data at rest."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

card_data_key = aws.kms.Key(
    f"card-data-key-{environment_suffix}",
    description="Encrypts stored card tokens",
    enable_key_rotation=True,
)
