from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from constructs import Construct


class TenantDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, settings: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        instance_class = self.node.try_get_context("instanceClass") or "t3.micro"

        # the class comes from the context
        rds.DatabaseInstance(
            self,
            "TenantDb",
            engine=rds.DatabaseInstanceEngine.MYSQL,
            instance_type=ec2.InstanceType(instance_class),
            vpc=vpc,
            enable_performance_insights=True,
        )

        # the flag comes from the settings
        rds.DatabaseInstance(
            self,
            "AuditDb",
            engine=rds.DatabaseInstanceEngine.MYSQL,
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
            vpc=vpc,
            enable_performance_insights=settings["performance_insights"],
        )
