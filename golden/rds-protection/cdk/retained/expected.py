from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class ReportsDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # RETAIN makes CDK's deletion protection default true; it is written out all the same
        rds.DatabaseInstance(
            self,
            "ReportsDb",
            engine=rds.DatabaseInstanceEngine.MYSQL,
            vpc=vpc,
            removal_policy=RemovalPolicy.RETAIN,
            storage_encrypted=True,
            backup_retention=Duration.days(7),
            deletion_protection=True,
            cloudwatch_logs_exports=["error", "slowquery"],
        )
