from aws_cdk import (
    RemovalPolicy,
    Stack,
    aws_kms as kms,
    aws_s3 as s3,
)
from constructs import Construct


class StatementsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        statements_key = kms.Key(
            self,
            "StatementsKey",
            description="Encrypts customer statements at rest",
            alias=f"alias/statements-{environment_suffix}",
            removal_policy=RemovalPolicy.RETAIN,
            enable_key_rotation=True,
        )

        s3.Bucket(
            self,
            "StatementsBucket",
            bucket_name=f"statements-{environment_suffix}",
            encryption=s3.BucketEncryption.KMS,
            encryption_key=statements_key,
        )
