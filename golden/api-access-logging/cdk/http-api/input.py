from aws_cdk import Stack
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_integrations as integrations
from aws_cdk import aws_lambda as lambda_
from constructs import Construct


class NotificationsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        handler = lambda_.Function(
            self,
            "NotifyHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="notify.handler",
            code=lambda_.Code.from_asset("lambda/notify"),
        )

        self.http_api = apigwv2.HttpApi(
            self,
            "NotificationsApi",
            default_integration=integrations.HttpLambdaIntegration("Notify", handler),
        )

        beta = apigwv2.HttpStage(self, "BetaStage", http_api=self.http_api, stage_name="beta")

        socket_api = apigwv2.WebSocketApi(self, "LiveApi")
        apigwv2.WebSocketStage(self, "LiveStage", web_socket_api=socket_api, stage_name="live")
