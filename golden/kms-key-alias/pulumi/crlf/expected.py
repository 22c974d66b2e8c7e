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

card_data_key_alias = aws.kms.Alias(
    f"card-data-key-alias-{environment_suffix}",
    name=f"alias/card-data-key-{environment_suffix}",
    target_key_id=card_data_key.key_id,
)
