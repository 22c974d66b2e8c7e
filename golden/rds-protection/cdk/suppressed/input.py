from aws_cdk import Stack, aws_rds as rds
from constructs import Construct


class PreviewDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Preview environments are torn down nightly
        # iacfix: ignore[rds-protection]
        rds.DatabaseInstance(
            self,
            "PreviewDb",
            engine=rds.DatabaseInstanceEngine.POSTGRES,
            vpc=vpc,
        )
        rds.CfnDBInstance(self, "PreviewLegacyDb", engine="mysql", db_instance_class="db.t3.micro")  # iacfix: ignore[IAC016]
