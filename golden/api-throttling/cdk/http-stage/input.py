from aws_cdk import Stack
from aws_cdk import aws_apigatewayv2 as apigwv2
from constructs import Construct


class ChatStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        chat_api = apigwv2.WebSocketApi(self, "ChatApi")
        apigwv2.WebSocketStage(self, "ChatProdStage", web_socket_api=chat_api, stage_name="prod", auto_deploy=True)

        admin_api = apigwv2.HttpApi(self, "AdminApi", create_default_stage=False)
        apigwv2.HttpStage(
            self,
            "AdminStage",
            http_api=admin_api,
            stage_name="admin",
            throttle=apigwv2.ThrottleSettings(burst_limit=20),
        )
