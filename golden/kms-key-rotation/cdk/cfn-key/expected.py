from aws_cdk import Stack
from aws_cdk import aws_kms as kms
from constructs import Construct


class VaultStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        vault_key = kms.CfnKey(self, "VaultKey", description="Vault data", key_policy={
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{self.account}:root"},
                           "Action": "kms:*", "Resource": "*"}],
        }, enable_key_rotation=True)
        kms.CfnAlias(self, "VaultKeyAlias", alias_name="alias/vault", target_key_id=vault_key.ref)
