from aws_cdk import Stack, aws_efs as efs
from constructs import Construct


class RecordsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        efs.CfnFileSystem(
            self,
            "RecordsFileSystem",
            throughput_mode="elastic",
        )
        efs.CfnFileSystem(self, "ArchiveFileSystem", encrypted=True)
