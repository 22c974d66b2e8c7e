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

uploads_bucket = aws.s3.BucketV2(f"uploads-{environment_suffix}", force_destroy=False)

# Not taggable: bucket settings are not resources with tags.
aws.s3.BucketPublicAccessBlock(
    f"uploads-public-access-{environment_suffix}",
    bucket=uploads_bucket.id,
    block_public_acls=True,
    block_public_policy=True,
)

pulumi.export("table_name", submissions_table.name)
