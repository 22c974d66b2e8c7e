from aws_cdk import (
    Duration,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class LedgerDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.ledger_db = rds.DatabaseInstance(
            self,
            "LedgerDb",
            instance_identifier=f"ledger-{environment_suffix}",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            allocated_storage=50,
            multi_az=True,
            backup_retention=Duration.days(7),
            deletion_protection=True,
            cloudwatch_logs_exports=["postgresql", "upgrade"],
        )
