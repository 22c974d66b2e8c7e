from aws_cdk import Stack, aws_efs as efs
from constructs import Construct


class TenantStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, vpc, encrypt: bool, fs_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        efs.CfnFileSystem(self, "TenantData", encrypted=encrypt)
        efs.CfnFileSystem(self, "TenantLogs", **fs_props)
        efs.FileSystem(self, "TenantCache", vpc=vpc, encrypted=self.node.try_get_context("encryptCache"))
