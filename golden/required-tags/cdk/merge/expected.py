import aws_cdk as cdk
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ArchiveStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        env_suffix = self.node.try_get_context("environmentSuffix") or "dev"

        cdk.Tags.of(self).add("CostCenter", "finance-1234")
        cdk.Tags.of(self).add("ManagedBy", "terraform-migration")
        cdk.Tags.of(self).add("Environment", env_suffix)

        s3.Bucket(
            self,
            "ArchiveBucket",
            bucket_name=f"finance-archive-{env_suffix}",
            versioned=True,
        )
