from aws_cdk import RemovalPolicy, Stack, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_rds as rds
from aws_cdk import aws_sns as sns
from constructs import Construct


class ReportingStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        alarm_topic = sns.Topic(self, "AlarmTopic", topic_name=f"alarms-{environment_suffix}")
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)

        reports_db = rds.DatabaseInstance(
            self,
            "ReportsDatabase",
            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_3),
            instance_identifier=f"reports-{environment_suffix}",
            vpc=vpc,
            storage_encrypted=True,
            deletion_protection=True,
            removal_policy=RemovalPolicy.SNAPSHOT,
        )

        reports_db.metric_cpu_utilization().create_alarm(
            self,
            "ReportsDatabaseCpu",
            alarm_name=f"reports-cpu-{environment_suffix}",
            alarm_description=(
                "DB instance ReportsDatabase used more than 80 percent of its CPU on average for 5 minutes"
            ),
            threshold=80,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))

        orders_cluster = rds.DatabaseCluster(
            self,
            "OrdersCluster",
            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_2),
            writer=rds.ClusterInstance.provisioned("Writer"),
            vpc=vpc,
            storage_encrypted=True,
            deletion_protection=True,
            removal_policy=RemovalPolicy.SNAPSHOT,
        )
        orders_cluster.connections.allow_default_port_from(reports_db, "reports read orders")
        orders_cluster.metric_cpu_utilization().create_alarm(
            self,
            "OrdersClusterCpu",
            alarm_description=(
                "DB cluster OrdersCluster used more than 80 percent of its CPU on average for 5 minutes"
            ),
            threshold=80,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        ).add_alarm_action(cw_actions.SnsAction(alarm_topic))
