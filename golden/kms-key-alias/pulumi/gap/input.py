"""Encryption key for card data at rest."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

card_data_key = aws.kms.Key(
    f"card-data-key-{environment_suffix}",
    description="Encrypts stored card tokens",
    deletion_window_in_days=30,
    enable_key_rotation=True,
)

pulumi.export("card_data_key_arn", card_data_key.arn)
