from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class KeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, rotate: bool, key_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kms.Key(self, "ReportsKey", enable_key_rotation=rotate, alias="alias/reports")
        kms.Key(self, "ExportsKey", alias="alias/exports", **key_props)
        kms.Key(
            self,
            "ArchiveKey",
            key_spec=self.node.try_get_context("archiveKeySpec"),
            alias="alias/archive",
        )
