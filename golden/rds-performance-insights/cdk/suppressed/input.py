from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class ScratchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # iacfix: ignore[rds-performance-insights] -- the class is resized by a pipeline before deploy
        rds.DatabaseInstance(
            self,
            "ScratchDb",
            engine=rds.DatabaseInstanceEngine.MYSQL,
            instance_type=ec2.InstanceType("t3.micro"),
            vpc=vpc,
            enable_performance_insights=True,
        )
