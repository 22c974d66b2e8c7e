from aws_cdk import Stack
from aws_cdk import aws_rds as rds
from constructs import Construct


class OrdersAuroraStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        cluster = rds.CfnDBCluster(
            self,
            "OrdersCluster",
            db_cluster_identifier=f"orders-{environment_suffix}",
            engine="aurora-postgresql",
            engine_version="16.4",
            master_username="orders",
            manage_master_user_password=True,
            storage_encrypted=True,
            backup_retention_period=7,
            copy_tags_to_snapshot=True,
            deletion_protection=True,
            enable_cloudwatch_logs_exports=["postgresql"],
        )

        # the cluster governs backups, encryption, deletion protection and logs
        rds.CfnDBInstance(
            self,
            "OrdersWriter",
            db_cluster_identifier=cluster.ref,
            db_instance_class="db.r6g.large",
            engine="aurora-postgresql",
            auto_minor_version_upgrade=True,
        )
        rds.CfnDBInstance(
            self,
            "OrdersReader",
            db_cluster_identifier=cluster.ref,
            db_instance_class="db.r6g.large",
            engine="aurora-postgresql",
            auto_minor_version_upgrade=False,
        )
