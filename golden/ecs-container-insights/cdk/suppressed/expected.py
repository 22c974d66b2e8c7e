from aws_cdk import Stack, aws_ecs as ecs
from constructs import Construct


class SandboxStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Throwaway sandbox: metrics cost more than the tasks
        # iacfix: ignore[ecs-container-insights]
        ecs.Cluster(
            self,
            "SandboxCluster",
            vpc=vpc,
        )
        ecs.CfnCluster(self, "ScratchCluster")  # iacfix: ignore[IAC020]
