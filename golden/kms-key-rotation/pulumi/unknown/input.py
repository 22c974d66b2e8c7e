"""Rotation and key spec come from stack configuration."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

data_key = aws.kms.Key(
    "data-key",
    description="Encrypts the data lake",
    enable_key_rotation=config.get_bool("rotateKeys"),
)

# The spec is configured per stack: it may be asymmetric.
partner_key = aws.kms.Key(
    "partner-key",
    customer_master_key_spec=config.require("partnerKeySpec"),
)

key_settings = {"description": "Exports", "enable_key_rotation": True}
export_key = aws.kms.Key("export-key", **key_settings)
