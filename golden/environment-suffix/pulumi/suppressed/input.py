"""A shared, account-wide bucket: one per account on purpose."""

import pulumi
import pulumi_aws as aws

aws.s3.BucketV2(
    "audit-logs",
    bucket="acme-audit-logs",  # iacfix: ignore[environment-suffix] - shared by every stage
)
