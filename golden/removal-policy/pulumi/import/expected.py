"""Feature-flag store: only pulumi_aws is imported."""

import pulumi
import pulumi_aws as aws

flags_table = aws.dynamodb.Table(
    "feature-flags",
    billing_mode="PAY_PER_REQUEST",
    hash_key="flag",
    attributes=[aws.dynamodb.TableAttributeArgs(name="flag", type="S")],
    opts=pulumi.ResourceOptions(protect=True),
)
