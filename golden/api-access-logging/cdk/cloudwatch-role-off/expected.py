from aws_cdk import Stack, aws_apigateway as apigateway, aws_lambda as _lambda, aws_logs as logs
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, handler: _lambda.IFunction, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders_api_access_logs = logs.LogGroup(
            self,
            "OrdersApiAccessLogs",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        apigateway.LambdaRestApi(
            self,
            "OrdersApi",
            handler=handler,
            cloud_watch_role=True,
            deploy_options=apigateway.StageOptions(
                access_log_destination=apigateway.LogGroupLogDestination(orders_api_access_logs),
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

        apigateway.LambdaRestApi(
            self,
            "ReportsApi",
            handler=handler,
            deploy_options=apigateway.StageOptions(stage_name="v1"),
        )

        apigateway.LambdaRestApi(self, "AdminApi", handler=handler, cloud_watch_role=False)
