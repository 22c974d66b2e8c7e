from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class DatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        engine = rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4)
        params = rds.ParameterGroup(self, "Params", engine=engine)

        rds.DatabaseInstance(self, "Orders", engine=engine, vpc=vpc, parameter_group=params)

        # CDK makes a parameter group from the parameters.
        rds.DatabaseCluster(
            self,
            "Ledger",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.provisioned("Writer"),
            vpc=vpc,
            parameters={"log_min_duration_statement": "1000"},
        )

        rds.CfnDBInstance(
            self,
            "Legacy",
            engine="mysql",
            engine_version="8.0.35",
            db_instance_class="db.t3.micro",
            db_parameter_group_name="legacy-params",
        )
