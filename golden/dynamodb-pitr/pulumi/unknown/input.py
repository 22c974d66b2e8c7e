"""Recovery settings shared across tables or taken from configuration."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
pitr = aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=config.require_bool("pitr"))

events = aws.dynamodb.Table(
    "events",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    point_in_time_recovery=pitr,
)

audits = aws.dynamodb.Table(
    "audits",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=config.require_bool("pitr")),
)

table_args = {"billing_mode": "PAY_PER_REQUEST", "hash_key": "id"}
archive = aws.dynamodb.Table("archive", attributes=[{"name": "id", "type": "S"}], **table_args)
