"""Payments ledger: every resource shares the team's base tags."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.require("environmentSuffix")

base_tags = {
    "Project": "ledger",
    "Owner": "payments-platform",
    "Environment": environment_suffix,
    "ManagedBy": "pulumi",
}

ledger_table = aws.dynamodb.Table(
    f"ledger-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="entryId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="entryId", type="S")],
    tags={**base_tags, "Name": f"ledger-{environment_suffix}"},
)

ledger_events = aws.sns.Topic(f"ledger-events-{environment_suffix}", tags=base_tags)
