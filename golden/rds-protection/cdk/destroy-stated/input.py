from aws_cdk import (
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class PreviewDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # a preview environment: the database goes with the stack
        rds.DatabaseInstance(
            self,
            "PreviewDb",
            engine=rds.DatabaseInstanceEngine.POSTGRES,
            vpc=vpc,
            removal_policy=RemovalPolicy.DESTROY,
            storage_encrypted=True,
            cloudwatch_logs_exports=["postgresql", "upgrade"],
        )
