from aws_cdk import Stack, aws_efs as efs
from constructs import Construct


class SharedStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # CDK v2 encrypts L2 file systems by default
        efs.FileSystem(self, "HomeDirs", vpc=vpc)
        efs.FileSystem(self, "Scratch", vpc=vpc, encrypted=True)
        efs.CfnFileSystem(self, "Artifacts", encrypted=True, kms_key_id="alias/artifacts")
