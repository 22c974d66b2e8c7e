from aws_cdk import Stack, aws_ecs as ecs
from constructs import Construct


class ServicesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, insights: ecs.ContainerInsights, settings: list, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecs.Cluster(self, "FrontCluster", vpc=vpc, container_insights_v2=insights)
        ecs.CfnCluster(self, "BackCluster", cluster_settings=settings)
        ecs.CfnCluster(
            self,
            "JobsCluster",
            cluster_settings=[ecs.CfnCluster.ClusterSettingsProperty(name="containerInsights", value=self.node.try_get_context("insights"))],
        )
