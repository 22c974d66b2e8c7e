"""Keys owned by another stack: only aliases for them live here."""

import pulumi
import pulumi_aws as aws

shared = pulumi.StackReference("org/security/prod")

aws.kms.Alias(
    "shared-data-alias",
    name="alias/shared-data",
    target_key_id=shared.get_output("data_key_id"),
)

# Created through a splat of settings: still a key, and still needs an alias.
settings = {"description": "Reports", "enable_key_rotation": True}
reports_key = aws.kms.Key("reports-key", **settings)
aws.kms.Alias("reports-alias", name="alias/reports", target_key_id=reports_key.id)
