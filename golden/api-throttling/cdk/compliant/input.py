from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_apigatewayv2 as apigwv2,
    aws_lambda as _lambda,
)
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders_fn = _lambda.Function(
            self,
            "OrdersFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="orders.handler",
            code=_lambda.Code.from_asset("lambda"),
        )

        api = apigateway.LambdaRestApi(
            self,
            "OrdersApi",
            handler=orders_fn,
            deploy_options=apigateway.StageOptions(
                stage_name="v1",
                throttling_rate_limit=50,
                throttling_burst_limit=100,
            ),
        )

        # A private copy for load tests: no stage is deployed.
        load_test_api = apigateway.RestApi(self, "LoadTestApi", deploy=False)
        load_test_api.root.add_method("ANY", apigateway.LambdaIntegration(orders_fn))

        # HTTP API: the default stage is throttled through its L1 resource.
        events_api = apigwv2.HttpApi(self, "EventsApi")
        events_stage = events_api.default_stage.node.default_child
        events_stage.add_property_override("DefaultRouteSettings.ThrottlingBurstLimit", 50)
        events_stage.add_property_override("DefaultRouteSettings.ThrottlingRateLimit", 25)
