from aws_cdk import RemovalPolicy, Stack, aws_ec2 as ec2, aws_rds as rds
from constructs import Construct


class ReportingDatabaseStack(Stack):
    """A demo database the team tears down with the stack."""

    def __init__(self, scope: Construct, construct_id: str, vpc: ec2.IVpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        engine = rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16)

        primary = rds.DatabaseInstance(
            self,
            "Primary",
            engine=engine,
            vpc=vpc,
            removal_policy=RemovalPolicy.DESTROY,
            deletion_protection=False,
        )

        rds.DatabaseInstanceReadReplica(
            self,
            "Replica",
            source_database_instance=primary,
            instance_type=ec2.InstanceType("t4g.medium"),
            vpc=vpc,
        )

        rds.DatabaseCluster(
            self,
            "Analytics",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
            writer=rds.ClusterInstance.serverless_v2("writer"),
            vpc=vpc,
            subnet_group=rds.SubnetGroup(
                self,
                "AnalyticsSubnets",
                description="Analytics database subnets",
                vpc=vpc,
                removal_policy=RemovalPolicy.DESTROY,
            ),
        )

        rds.DatabaseInstance(self, "Ledger", engine=engine, vpc=vpc)
