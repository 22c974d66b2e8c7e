from aws_cdk import (
    Stack,
    aws_apigatewayv2_integrations as integrations,
    aws_lambda as _lambda,
    aws_lambda_event_sources as sources,
    aws_sqs as sqs,
)
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, orders_queue_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api_fn = _lambda.Function(
            self,
            "ApiFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="api.handler",
            code=_lambda.Code.from_asset("lambda/api"),
        )
        self.integration = integrations.HttpLambdaIntegration("OrdersIntegration", api_fn)

        url_fn = _lambda.Function(
            self,
            "UrlFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="url.handler",
            code=_lambda.Code.from_asset("lambda/url"),
        )
        url_fn.add_function_url(auth_type=_lambda.FunctionUrlAuthType.AWS_IAM)

        consumer_fn = _lambda.Function(
            self,
            "ConsumerFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="consumer.handler",
            code=_lambda.Code.from_asset("lambda/consumer"),
        )
        orders_queue = sqs.Queue.from_queue_arn(
            self, "OrdersQueue", f"arn:aws:sqs:{self.region}:{self.account}:{orders_queue_name}"
        )
        consumer_fn.add_event_source(sources.SqsEventSource(orders_queue))
