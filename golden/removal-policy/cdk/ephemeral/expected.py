from aws_cdk import (
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
    aws_s3 as s3,
    aws_logs as logs,
)
from constructs import Construct


class PreviewStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.uploads = s3.Bucket(
            self,
            "Uploads",
            bucket_name=f"preview-uploads-{environment_suffix}",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            removal_policy=RemovalPolicy.DESTROY,
            auto_delete_objects=True,
        )

        # already destroyed with the stack, but a non-empty bucket blocks the delete
        s3.Bucket(self, "Reports", removal_policy=RemovalPolicy.DESTROY, auto_delete_objects=True)

        # kept on purpose: stated, not changed
        s3.Bucket(self, "Evidence", removal_policy=RemovalPolicy.RETAIN)

        rds.DatabaseInstance(
            self,
            "PreviewDb",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            vpc=vpc,
            removal_policy=RemovalPolicy.DESTROY,
        )

        logs.LogGroup(
            self,
            "PreviewLogs",
            removal_policy=RemovalPolicy.DESTROY,
            retention=logs.RetentionDays.ONE_WEEK,
        )
