from aws_cdk import Stack, aws_ecs as ecs
from constructs import Construct


class BatchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecs.Cluster(
            self,
            "BatchCluster",
            vpc=vpc,
            container_insights_v2=ecs.ContainerInsights.DISABLED,
        )
        ecs.CfnCluster(
            self,
            "ReportsCluster",
            cluster_settings=[
                ecs.CfnCluster.ClusterSettingsProperty(name="containerInsights", value="disabled"),
            ],
        )
