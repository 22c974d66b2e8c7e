from aws_cdk import Duration, Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class ScratchDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rds.DatabaseInstance(
            self,
            "ScratchDb",
            engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0_39),
            vpc=vpc,
            deletion_protection=True,
            backup_retention=Duration.days(7),
            storage_encrypted=True,
            cloudwatch_logs_exports=["error"],
            copy_tags_to_snapshot=False,
            auto_minor_version_upgrade=False,
        )

        rds.CfnDBCluster(
            self,
            "ScratchCluster",
            engine="aurora-mysql",
            master_username="admin",
            storage_encrypted=True,
            backup_retention_period=7,
            copy_tags_to_snapshot=True,
            deletion_protection=True,
            enable_cloudwatch_logs_exports=["audit", "error", "general", "slowquery"],
        )
