from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_apigatewayv2 as apigwv2,
    aws_logs as logs,
)
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        access_logs = logs.LogGroup(self, "OrdersApiAccessLogs", retention=logs.RetentionDays.ONE_MONTH)
        api = apigateway.RestApi(
            self,
            "OrdersApi",
            deploy_options=apigateway.StageOptions(
                access_log_destination=apigateway.LogGroupLogDestination(access_logs),
                access_log_format=apigateway.AccessLogFormat.clf(),
            ),
        )
        api.root.add_method("ANY", apigateway.MockIntegration())

        apigateway.RestApi(self, "DraftApi", deploy=False).root.add_method("ANY", apigateway.MockIntegration())

        http_api = apigwv2.HttpApi(self, "WebhooksApi")
        stage = http_api.default_stage.node.default_child
        stage.add_property_override(
            "AccessLogSettings",
            {"DestinationArn": access_logs.log_group_arn, "Format": "$context.requestId"},
        )
        apigwv2.HttpApi(self, "InternalApi", create_default_stage=False)
