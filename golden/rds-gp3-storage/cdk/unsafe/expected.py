from aws_cdk import Stack, aws_ec2 as ec2, aws_rds as rds
from constructs import Construct


class OrdersDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rds.DatabaseInstance(
            self,
            "OrdersDb",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            vpc=vpc,
            storage_type=rds.StorageType.GP3,
        )
