from aws_cdk import Stack, aws_sqs as sqs
from constructs import Construct


class ScratchStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Internal work queue, read only by this stack. iacfix: ignore[stack-outputs]
        scratch = sqs.Queue(self, "ScratchQueue")
