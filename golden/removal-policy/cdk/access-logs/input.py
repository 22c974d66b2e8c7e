from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_apigatewayv2 as apigwv2,
    aws_logs as logs,
)
from constructs import Construct


class PartnerApiStack(Stack):
    """Log groups that API stages send access logs to are left alone (api-access-logging
    creates them); the stack's other log group states its removal policy."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.app_logs = logs.LogGroup(self, "AppLogs", retention=logs.RetentionDays.ONE_MONTH)

        partner_api_access_logs = logs.LogGroup(self, "PartnerApiAccessLogs", retention=logs.RetentionDays.ONE_MONTH)
        partner_api = apigateway.RestApi(
            self,
            "PartnerApi",
            deploy_options=apigateway.StageOptions(
                stage_name="prod",
                access_log_destination=apigateway.LogGroupLogDestination(partner_api_access_logs),
                access_log_format=apigateway.AccessLogFormat.json_with_standard_fields(
                    caller=False,
                    http_method=True,
                    ip=True,
                    protocol=True,
                    request_time=True,
                    resource_path=True,
                    response_length=True,
                    status=True,
                    user=False,
                ),
            ),
        )
        partner_api.root.add_method("ANY", apigateway.MockIntegration())

        self.webhooks_access_logs = logs.LogGroup(self, "WebhooksAccessLogs", retention=logs.RetentionDays.ONE_MONTH)
        webhooks = apigwv2.CfnApi(self, "Webhooks", name="webhooks", protocol_type="HTTP")
        apigwv2.CfnStage(
            self,
            "WebhooksStage",
            api_id=webhooks.ref,
            stage_name="$default",
            auto_deploy=True,
            access_log_settings=apigwv2.CfnStage.AccessLogSettingsProperty(
                destination_arn=self.webhooks_access_logs.log_group_arn,
                format='{"requestId": "$context.requestId", "status": "$context.status"}',
            ),
        )

        events_api_access_logs = logs.LogGroup(self, "EventsApiAccessLogs", retention=logs.RetentionDays.ONE_MONTH)
        events_api = apigwv2.HttpApi(self, "EventsApi")
        events_api.default_stage.node.default_child.add_property_override(
            "AccessLogSettings",
            {
                "DestinationArn": events_api_access_logs.log_group_arn,
                "Format": '{"requestId": "$context.requestId", "status": "$context.status"}',
            },
        )
