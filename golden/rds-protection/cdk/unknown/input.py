from aws_cdk import Stack
from aws_cdk import aws_rds as rds
from constructs import Construct


class TenantDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, settings: dict, engine: rds.IInstanceEngine, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # everything comes from the tenant's settings
        rds.DatabaseInstance(
            self,
            "TenantDb",
            engine=engine,
            vpc=vpc,
            deletion_protection=settings["deletion_protection"],
            backup_retention=settings["backup_retention"],
            storage_encrypted=settings["encrypted"],
        )
        rds.DatabaseCluster(self, "TenantCluster", **settings["cluster"])
