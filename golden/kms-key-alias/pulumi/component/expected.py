"""A reusable component that owns its encryption key."""

from typing import Optional

import pulumi
from pulumi_aws import kms


class EncryptedStore(pulumi.ComponentResource):
    def __init__(self, name: str, environment_suffix: str, opts: Optional[pulumi.ResourceOptions] = None):
        super().__init__("assessments:EncryptedStore", name, None, opts)
        self.environment_suffix = environment_suffix

        self.key = kms.Key(
            f"{name}-key",
            description=f"{name} data key",
            enable_key_rotation=True,
            opts=pulumi.ResourceOptions(parent=self),
        )

        self.key_alias = kms.Alias(
            f"{name}-key-alias",
            name=f"alias/{name}-key-{self.environment_suffix}",
            target_key_id=self.key.key_id,
            opts=pulumi.ResourceOptions(parent=self),
        )

        self.register_outputs({"key_arn": self.key.arn})

store = EncryptedStore("grades", environment_suffix=pulumi.get_stack())
