from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct

ENGINE = rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4)


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.Vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rds.DatabaseInstance(self, "Given", engine=ENGINE, vpc=vpc)

        rds.DatabaseInstance(self, "Unversioned", engine=rds.DatabaseInstanceEngine.POSTGRES, vpc=vpc)

        version = rds.PostgresEngineVersion.VER_16_4
        rds.DatabaseInstance(
            self,
            "VersionByVariable",
            engine=rds.DatabaseInstanceEngine.postgres(version=version),
            vpc=vpc,
        )

        rds.CfnDBInstance(self, "Legacy", engine="mysql", engine_version="8.0.35", db_instance_class="db.t3.micro")
