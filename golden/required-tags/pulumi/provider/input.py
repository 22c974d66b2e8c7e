"""Replication bucket in a second region; the provider tags what it creates."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

dr_region = aws.Provider(
    "dr-region",
    region="eu-central-1",
    default_tags=aws.ProviderDefaultTagsArgs(tags={"ManagedBy": "pulumi", "Purpose": "dr"}),
)

replica_bucket = aws.s3.BucketV2(
    f"replica-{environment_suffix}",
    opts=pulumi.ResourceOptions(provider=dr_region),
)
