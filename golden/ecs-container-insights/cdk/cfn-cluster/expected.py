from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from constructs import Construct


class RawClustersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecs.CfnCluster(
            self,
            "IngestCluster",
            cluster_name="ingest",
            capacity_providers=["FARGATE", "FARGATE_SPOT"],
            cluster_settings=[
                ecs.CfnCluster.ClusterSettingsProperty(
                    name="containerInsights",
                    value="enabled",
                ),
            ],
        )
        ecs.CfnCluster(
            self,
            "ExportCluster",
            cluster_name="export",
            cluster_settings=[
                ecs.CfnCluster.ClusterSettingsProperty(
                    name="containerInsights",
                    value="enabled",
                ),
            ],
        )
