from aws_cdk import Stack, aws_ec2 as ec2, aws_ecs as ecs
from constructs import Construct


class PlatformStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        ecs.Cluster(self, "ApiCluster", vpc=vpc, container_insights_v2=ecs.ContainerInsights.ENABLED)
        ecs.Cluster(self, "BatchCluster", vpc=vpc, container_insights_v2=ecs.ContainerInsights.ENHANCED)
        ecs.CfnCluster(
            self,
            "LegacyCluster",
            cluster_settings=[
                ecs.CfnCluster.ClusterSettingsProperty(name="containerInsights", value="enabled"),
            ],
        )
