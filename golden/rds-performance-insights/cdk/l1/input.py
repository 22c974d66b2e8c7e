from aws_cdk import Stack
from aws_cdk import aws_rds as rds
from constructs import Construct


class LegacyDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rds.CfnDBInstance(
            self,
            "LegacyDb",
            engine="mysql",
            db_instance_class="db.t2.micro",
            allocated_storage="20",
            master_username="admin",
            manage_master_user_password=True,
            enable_performance_insights=True,
            performance_insights_retention_period=7,
            performance_insights_kms_key_id="alias/aws/rds",
            storage_encrypted=True,
        )
