from aws_cdk import (
    CfnOutput,
    Stack,
    aws_apigatewayv2 as apigwv2,
    aws_apigatewayv2_integrations as integrations,
    aws_lambda as lambda_,
)
from constructs import Construct


class WebhooksStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        webhook_fn = lambda_.Function(
            self,
            "WebhookFunction",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="webhook.handler",
            code=lambda_.Code.from_asset("lambda"),
        )

        http_api = apigwv2.HttpApi(
            self,
            "WebhooksApi",
            default_integration=integrations.HttpLambdaIntegration("WebhookIntegration", webhook_fn),
        )

        CfnOutput(self, "WebhooksUrl", value=http_api.url)
