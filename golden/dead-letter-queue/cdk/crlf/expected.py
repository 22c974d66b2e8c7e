from aws_cdk import (
    Duration,
    Stack,
    aws_lambda as _lambda,
    aws_lambda_event_sources as event_sources,
    aws_sqs as sqs,
)
from constructs import Construct


class PaymentQueueStack(Stack):
    def __init__(
        self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        payment_dlq = sqs.Queue(
            self,
            "PaymentQueueDlq",
            queue_name=f"payment-queue-dlq-{environment_suffix}",
            retention_period=Duration.days(14),
        )

        # Payments accepted by the API, settled asynchronously
        payment_queue = sqs.Queue(
            self,
            "PaymentQueue",
            queue_name=f"payment-queue-{environment_suffix}",
            visibility_timeout=Duration.seconds(180),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=3, queue=payment_dlq),
        )

        settlement_fn = _lambda.Function(
            self,
            "SettlementFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="settle.handler",
            code=_lambda.Code.from_asset("lambda/settlement"),
            timeout=Duration.seconds(30),
        )
        settlement_fn.add_event_source(event_sources.SqsEventSource(payment_queue, batch_size=10))
