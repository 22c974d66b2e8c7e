from aws_cdk import Stack, aws_kms as kms
from constructs import Construct


class SigningStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.data_key = kms.Key(self, "DataKey", enable_key_rotation=True, alias="alias/data")

        # Asymmetric keys cannot rotate: left alone
        self.signing_key = kms.Key(
            self,
            "SigningKey",
            key_spec=kms.KeySpec.RSA_2048,
            key_usage=kms.KeyUsage.SIGN_VERIFY,
            alias="alias/signing",
        )
        kms.CfnKey(
            self,
            "TokenHmacKey",
            key_spec="HMAC_256",
            key_usage="GENERATE_VERIFY_MAC",
            key_policy={"Version": "2012-10-17", "Statement": []},
        )
        kms.CfnKey(
            self,
            "ArchiveKey",
            enable_key_rotation=True,
            key_spec="SYMMETRIC_DEFAULT",
            key_policy={"Version": "2012-10-17", "Statement": []},
        )
