from aws_cdk import (
    Duration,
    Stack,
    aws_apigateway as apigw,
    aws_lambda as _lambda,
    aws_sqs as sqs,
)
from constructs import Construct


class PaymentQueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        failed_payments = sqs.Queue(
            self,
            "FailedPayments",
            retention_period=Duration.days(14),
        )
        payment_queue = sqs.Queue(
            self,
            "PaymentQueue",
            visibility_timeout=Duration.seconds(180),
            dead_letter_queue=sqs.DeadLetterQueue(max_receive_count=5, queue=failed_payments),
        )

        # Only called synchronously, through the API.
        quote_fn = _lambda.Function(
            self,
            "QuoteFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="quote.handler",
            code=_lambda.Code.from_asset("lambda/quote"),
            environment={"QUEUE_URL": payment_queue.queue_url},
        )
        payment_queue.grant_send_messages(quote_fn)
        apigw.LambdaRestApi(self, "QuoteApi", handler=quote_fn)
