from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
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

        api = apigateway.RestApi(
            self,
            "OrdersApi",
            rest_api_name="orders-api",
            description="Public API for order submission",
        )
        orders = api.root.add_resource("orders")
        orders.add_method("POST", apigateway.LambdaIntegration(orders_fn))
