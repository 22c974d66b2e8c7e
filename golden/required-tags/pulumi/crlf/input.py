"""Storage for the assessment service."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

submissions_table = aws.dynamodb.Table(
    f"submissions-{environment_suffix}",
    billing_mode="PAY_PER_REQUEST",
    hash_key="submissionId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="submissionId", type="S")],
    tags={
        "Project": "assessments",
    },
)
