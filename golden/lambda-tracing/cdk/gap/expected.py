from aws_cdk import (
    Duration,
    Stack,
    aws_dynamodb as dynamodb,
    aws_lambda as _lambda,
)
from constructs import Construct


class QuotesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        quotes = dynamodb.Table(
            self,
            "QuotesTable",
            partition_key=dynamodb.Attribute(name="quoteId", type=dynamodb.AttributeType.STRING),
        )

        self.quote_fn = _lambda.Function(
            self,
            "QuoteFunction",
            function_name=f"quote-{environment_suffix}",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="quote.handler",
            code=_lambda.Code.from_asset("lambda/quote"),
            timeout=Duration.seconds(10),
            environment={"TABLE_NAME": quotes.table_name},
            tracing=_lambda.Tracing.ACTIVE,
        )
        quotes.grant_read_write_data(self.quote_fn)
