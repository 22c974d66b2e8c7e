from aws_cdk import (
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
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            allocated_storage=50,
            storage_type=rds.StorageType.GP3,
        )

        # provisioned IOPS: the owner sized it
        rds.DatabaseInstance(
            self,
            "LedgerDb",
            engine=rds.DatabaseInstanceEngine.mysql(version=rds.MysqlEngineVersion.VER_8_0_39),
            vpc=vpc,
            storage_type=rds.StorageType.IO1,
            iops=5000,
        )

        rds.CfnDBInstance(
            self,
            "EventsDb",
            engine="mariadb",
            db_instance_class="db.t4g.small",
            allocated_storage="20",
            storage_type="gp3",
        )
