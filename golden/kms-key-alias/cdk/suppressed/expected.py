from aws_cdk import (
    Duration,
    Stack,
    aws_kms as kms,
)
from constructs import Construct


class ScratchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Short-lived key for integration tests; aliases would collide between runs.
        kms.Key(self, "ScratchKey", pending_window=Duration.days(7))  # iacfix: ignore[kms-key-alias]
