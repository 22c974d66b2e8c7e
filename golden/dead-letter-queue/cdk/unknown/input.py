from aws_cdk import (
    Stack,
    aws_sqs as sqs,
)
from constructs import Construct


class SharedQueuesStack(Stack):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        queue_props: dict,
        fifo: bool,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Properties (including any redrive policy) come from the caller.
        events_queue = sqs.Queue(self, "EventsQueue", **queue_props)

        # FIFO or not is decided by the caller: we cannot tell which DLQ fits.
        commands_queue = sqs.Queue(self, "CommandsQueue", fifo=fifo)

        # The dead-letter queue of another stack's queue.
        audit_dlq = sqs.Queue(self, "AuditDeadLetters")
