from aws_cdk import Stack, aws_efs as efs
from constructs import Construct


class RecordsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        efs.CfnFileSystem(
            self,
            "RecordsFileSystem",
            throughput_mode="elastic",
            encrypted=True,
            kms_key_id="arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        )
        efs.CfnFileSystem(self, "ArchiveFileSystem", encrypted=True)
