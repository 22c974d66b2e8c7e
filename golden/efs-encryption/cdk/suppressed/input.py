from aws_cdk import Stack, aws_efs as efs
from constructs import Construct


class MirrorStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Public package mirror: nothing secret, replaced nightly
        # iacfix: ignore[efs-encryption]
        efs.CfnFileSystem(
            self,
            "PackageMirror",
            throughput_mode="elastic",
        )
        efs.CfnFileSystem(self, "DocsMirror")  # iacfix: ignore[IAC019]
