"""Options built elsewhere: nothing to judge."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
keep = pulumi.ResourceOptions(protect=config.get_bool("protect") or False)
extra = {"retain_on_delete": True}

events_table = aws.dynamodb.Table(
    "events",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
    opts=keep,
)

exports_bucket = aws.s3.Bucket(
    "exports",
    opts=pulumi.ResourceOptions.merge(keep, pulumi.ResourceOptions(ignore_changes=["tags"])),
)

logs = aws.cloudwatch.LogGroup("app-logs", retention_in_days=14, opts=pulumi.ResourceOptions(**extra))
