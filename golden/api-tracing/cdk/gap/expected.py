from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_lambda as _lambda,
)
from constructs import Construct


class QuotesApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler: _lambda.IFunction, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api = apigateway.LambdaRestApi(
            self,
            "QuotesApi",
            rest_api_name=f"quotes-{environment_suffix}",
            handler=handler,
            proxy=True,
            deploy_options=apigateway.StageOptions(tracing_enabled=True),
        )
        self.api_url = api.url
