from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_lambda as _lambda,
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

        api = apigateway.LambdaRestApi(
            self,
            "OrdersApi",
            handler=orders_fn,
            rest_api_name=f"orders-api-{environment_suffix}",
            proxy=False,
        )
        orders = api.root.add_resource("orders")
        orders.add_method("POST")
        orders.add_method("GET")
