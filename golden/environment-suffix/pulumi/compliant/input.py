"""Names already carry the stage, or are left to Pulumi's auto-naming."""

import pulumi
import pulumi_aws as aws

stage = pulumi.get_stack()

aws.sqs.Queue("jobs", name=f"jobs-{stage}")
aws.sns.Topic("alerts", name="alerts-" + stage)
aws.dynamodb.Table(
    "sessions",
    billing_mode="PAY_PER_REQUEST",
    hash_key="id",
    attributes=[aws.dynamodb.TableAttributeArgs(name="id", type="S")],
)
