import json

from aws_cdk import Stack, aws_logs as logs
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_apigatewayv2 as apigatewayv2
from constructs import Construct


class LegacyGatewayStack(Stack):
    """API Gateway resources ported one to one from a CloudFormation template."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rest_api = apigateway.CfnRestApi(self, "PartnerApi", name="partner-api")
        method = apigateway.CfnMethod(
            self,
            "PartnerRootMethod",
            rest_api_id=rest_api.ref,
            resource_id=rest_api.attr_root_resource_id,
            http_method="GET",
            authorization_type="NONE",
            integration=apigateway.CfnMethod.IntegrationProperty(type="MOCK"),
        )
        deployment = apigateway.CfnDeployment(self, "PartnerDeployment", rest_api_id=rest_api.ref)
        deployment.add_dependency(method)
        partner_stage_access_logs = logs.CfnLogGroup(
            self,
            "PartnerStageAccessLogs",
            retention_in_days=30,
        )
        apigateway.CfnStage(
            self,
            "PartnerStage",
            rest_api_id=rest_api.ref,
            deployment_id=deployment.ref,
            stage_name="v1",
            access_log_setting=apigateway.CfnStage.AccessLogSettingProperty(
                destination_arn=partner_stage_access_logs.attr_arn,
                format=json.dumps(
                    {
                        "requestId": "$context.requestId",
                        "ip": "$context.identity.sourceIp",
                        "requestTime": "$context.requestTime",
                        "httpMethod": "$context.httpMethod",
                        "resourcePath": "$context.resourcePath",
                        "status": "$context.status",
                        "protocol": "$context.protocol",
                        "responseLength": "$context.responseLength",
                    },
                ),
            ),
        )

        events_api = apigatewayv2.CfnApi(self, "EventsApi", name="partner-events", protocol_type="HTTP")
        events_stage_access_logs = logs.CfnLogGroup(
            self,
            "EventsStageAccessLogs",
            retention_in_days=30,
        )
        apigatewayv2.CfnStage(
            self,
            "EventsStage",
            api_id=events_api.ref,
            stage_name="$default",
            auto_deploy=True,
            access_log_settings=apigatewayv2.CfnStage.AccessLogSettingsProperty(
                destination_arn=events_stage_access_logs.attr_arn,
                format=json.dumps(
                    {
                        "requestId": "$context.requestId",
                        "ip": "$context.identity.sourceIp",
                        "requestTime": "$context.requestTime",
                        "httpMethod": "$context.httpMethod",
                        "routeKey": "$context.routeKey",
                        "status": "$context.status",
                        "protocol": "$context.protocol",
                        "responseLength": "$context.responseLength",
                    },
                ),
            ),
        )
