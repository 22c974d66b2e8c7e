from aws_cdk import (
    Stack,
    aws_sqs as sqs,
)
from constructs import Construct


# Tagged by the organisation's tag policy at deploy time.
class SandboxStack(Stack):  # iacfix: ignore[required-tags]
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        sqs.Queue(self, "ScratchQueue")
