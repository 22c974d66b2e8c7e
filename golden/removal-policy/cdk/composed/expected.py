from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_dynamodb as dynamodb,
    aws_ec2 as ec2,
    aws_kms as kms,
    aws_rds as rds,
)
from constructs import Construct


class OrdersDataStack(Stack):
    """removal-policy together with dynamodb-pitr, kms-key-rotation, kms-key-alias and rds-protection:
    the arguments land in the same places whichever codemod runs first."""

    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.orders_key = kms.Key(
            self,
            "OrdersKey",
            description="Orders data",
            removal_policy=RemovalPolicy.RETAIN,
            enable_key_rotation=True,
            alias=f"alias/orders-key-{environment_suffix}",
        )

        self.orders_table = dynamodb.Table(
            self,
            "OrdersTable",
            table_name=f"orders-{environment_suffix}",
            partition_key=dynamodb.Attribute(name="order_id", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            removal_policy=RemovalPolicy.RETAIN,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True,
            ),
        )

        self.orders_db = rds.DatabaseInstance(
            self,
            "OrdersDb",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            vpc=vpc,
            storage_encryption_key=self.orders_key,
            removal_policy=RemovalPolicy.RETAIN,
            backup_retention=Duration.days(7),
            deletion_protection=True,
            cloudwatch_logs_exports=["postgresql", "upgrade"],
        )
