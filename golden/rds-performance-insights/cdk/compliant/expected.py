from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class ReportingDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # a class that supports Performance Insights
        rds.DatabaseInstance(
            self,
            "ReportingDb",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            enable_performance_insights=True,
            performance_insight_retention=rds.PerformanceInsightRetention.DEFAULT,
        )

        # a micro instance without Performance Insights
        rds.DatabaseInstance(
            self,
            "ScratchDb",
            engine=rds.DatabaseInstanceEngine.MYSQL,
            instance_type=ec2.InstanceType("t3.micro"),
            vpc=vpc,
            enable_performance_insights=False,
        )

        rds.CfnDBInstance(
            self,
            "LegacyDb",
            engine="mysql",
            db_instance_class="db.t4g.micro",
            allocated_storage="20",
            master_username="admin",
            manage_master_user_password=True,
        )
