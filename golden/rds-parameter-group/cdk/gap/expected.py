from aws_cdk import (
    Stack,
    aws_ec2 as ec2,
    aws_rds as rds,
)
from constructs import Construct


class ReportingDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        reporting_db_parameter_group = rds.ParameterGroup(
            self,
            "ReportingDbParameterGroup",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
        )

        self.reporting_db = rds.DatabaseInstance(
            self,
            "ReportingDb",
            instance_identifier=f"reporting-{environment_suffix}",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MICRO),
            vpc=vpc,
            allocated_storage=20,
            parameter_group=reporting_db_parameter_group,
        )

        ledger_parameter_group = rds.ParameterGroup(
            self,
            "LedgerParameterGroup",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_05_2),
        )

        ledger = rds.DatabaseCluster(
            self,
            "Ledger",
            engine=rds.DatabaseClusterEngine.aurora_mysql(version=rds.AuroraMysqlEngineVersion.VER_3_05_2),
            writer=rds.ClusterInstance.provisioned("Writer"),
            vpc=vpc,
            parameter_group=ledger_parameter_group,
        )
