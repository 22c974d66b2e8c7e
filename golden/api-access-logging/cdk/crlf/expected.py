from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_lambda as _lambda,
    aws_logs as logs,
)
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders_fn = _lambda.Function(
            self,
            "OrdersFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="orders.handler",
            code=_lambda.Code.from_asset("lambda/orders"),
        )

        api_access_logs = logs.LogGroup(
            self,
            "OrdersApiAccessLogs",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        api = apigateway.LambdaRestApi(
            self,
            "OrdersApi",
            handler=orders_fn,
            rest_api_name=f"orders-api-{environment_suffix}",
            proxy=False,
            deploy_options=apigateway.StageOptions(
                access_log_destination=apigateway.LogGroupLogDestination(api_access_logs),
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
        orders = api.root.add_resource("orders")
        orders.add_method("POST")
        orders.add_method("GET")
