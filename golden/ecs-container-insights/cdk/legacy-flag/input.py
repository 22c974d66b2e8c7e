from aws_cdk import Stack, aws_ecs as ecs
from constructs import Construct


class LegacyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        ecs.Cluster(self, "WebCluster", vpc=vpc, container_insights=True)
        ecs.Cluster(self, "CronCluster", vpc=vpc)
        ecs.Cluster(self, "DebugCluster", vpc=vpc, container_insights=False)
