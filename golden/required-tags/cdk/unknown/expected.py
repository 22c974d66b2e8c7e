from aws_cdk import (
    Stack,
    Tags,
    aws_sqs as sqs,
)
from constructs import Construct

from .tagging import organisation_tags


class InboxStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        for key, value in organisation_tags().items():
            Tags.of(self).add(key, value)

        sqs.Queue(self, "InboxQueue")


class OutboxStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, tags: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, tags=tags, **kwargs)

        sqs.Queue(self, "OutboxQueue")
