from aws_cdk import (
    Stack,
    aws_kms as kms,
)
from constructs import Construct


class TenantKeysStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, key_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Alias, rotation and policy are supplied by the tenant configuration.
        kms.Key(self, "TenantKey", **key_props)
