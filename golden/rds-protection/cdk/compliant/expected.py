from aws_cdk import (
    Duration,
    RemovalPolicy,
    Stack,
    aws_ec2 as ec2,
    aws_kms as kms,
    aws_rds as rds,
)
from constructs import Construct


class LedgerDatabaseStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, vpc: ec2.IVpc, key: kms.IKey, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.ledger_db = rds.DatabaseInstance(
            self,
            "LedgerDb",
            instance_identifier=f"ledger-{environment_suffix}",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_4),
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
            vpc=vpc,
            allocated_storage=50,
            multi_az=True,
            deletion_protection=True,
            backup_retention=Duration.days(14),
            storage_encrypted=True,
            cloudwatch_logs_exports=["postgresql"],
        )

        # the key turns encryption on
        self.reports_db = rds.DatabaseInstance(
            self,
            "ReportsDb",
            engine=rds.DatabaseInstanceEngine.MYSQL,
            vpc=vpc,
            removal_policy=RemovalPolicy.RETAIN,
            deletion_protection=True,
            backup_retention=Duration.days(7),
            storage_encryption_key=key,
            cloudwatch_logs_exports=["error", "slowquery"],
            copy_tags_to_snapshot=True,
            auto_minor_version_upgrade=True,
        )

        rds.DatabaseCluster(
            self,
            "EventsCluster",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.provisioned("writer"),
            vpc=vpc,
            deletion_protection=True,
            backup=rds.BackupProps(retention=Duration.days(7), preferred_window="03:00-04:00"),
            storage_encrypted=True,
            cloudwatch_logs_exports=["postgresql"],
        )

        rds.CfnDBInstance(
            self,
            "LegacyDb",
            engine="mariadb",
            db_instance_class="db.t3.small",
            allocated_storage="20",
            deletion_protection=True,
            backup_retention_period=35,
            storage_encrypted=True,
            enable_cloudwatch_logs_exports=["error"],
            copy_tags_to_snapshot=True,
            auto_minor_version_upgrade=True,
        )
