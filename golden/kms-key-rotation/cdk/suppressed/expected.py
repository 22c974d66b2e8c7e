from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class ImportStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Key material is imported from the HSM and rotated by hand
        # iacfix: ignore[kms-key-rotation]
        kms.CfnKey(
            self,
            "ImportedKey",
            origin="EXTERNAL",
            key_policy={"Version": "2012-10-17", "Statement": []},
        )
        kms.Key(self, "BackupKey", alias="alias/backup")  # iacfix: ignore[IAC005]
