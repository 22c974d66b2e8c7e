from aws_cdk import (
    Duration,
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class OrdersDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.orders_db = rds.DatabaseInstance(
            self,
            "OrdersDb",
            instance_identifier=f"orders-{environment_suffix}",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            vpc=vpc,
            backup_retention=Duration.days(7),
        )

        # CDK writes a cluster's backup window with its retention, in backup=
        rds.DatabaseCluster(
            self,
            "LedgerCluster",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.provisioned("Writer"),
            vpc=vpc,
        )
