from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class LegacyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        kms.Key(
            self,
            "LegacyKey",
            description="Shared with the on-premises importer",
            enable_key_rotation=True,
            alias="alias/legacy",
        )
