from aws_cdk import Stack, aws_efs as efs
from constructs import Construct


class BuildStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        efs.FileSystem(
            self,
            "BuildCache",
            vpc=vpc,
            encrypted=True,
        )
        efs.CfnFileSystem(self, "BuildLogs", encrypted=True)
