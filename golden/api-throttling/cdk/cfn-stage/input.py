from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_apigatewayv2 as apigwv2,
)
from constructs import Construct


class LegacyStagesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rest_api = apigateway.CfnRestApi(self, "LegacyRestApi", name="legacy")
        deployment = apigateway.CfnDeployment(self, "LegacyDeployment", rest_api_id=rest_api.ref)

        apigateway.CfnStage(
            self,
            "LegacyStage",
            rest_api_id=rest_api.ref,
            deployment_id=deployment.ref,
            stage_name="prod",
            method_settings=[
                apigateway.CfnStage.MethodSettingProperty(
                    http_method="GET",
                    resource_path="/reports",
                    caching_enabled=True,
                ),
            ],
        )

        apigateway.CfnStage(
            self,
            "LegacyStagingStage",
            rest_api_id=rest_api.ref,
            deployment_id=deployment.ref,
            stage_name="staging",
        )

        ws_api = apigwv2.CfnApi(
            self,
            "NotificationsApi",
            name="notifications",
            protocol_type="WEBSOCKET",
            route_selection_expression="$request.body.action",
        )
        apigwv2.CfnStage(
            self,
            "NotificationsStage",
            api_id=ws_api.ref,
            stage_name="prod",
            auto_deploy=True,
            default_route_settings=apigwv2.CfnStage.RouteSettingsProperty(
                detailed_metrics_enabled=True,
            ),
        )
