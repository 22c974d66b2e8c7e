from aws_cdk import Stack, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2
from constructs import Construct


class OrdersStack(Stack):
    """Called by other services only: no front end, no CORS headers."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        apigwv2.HttpApi(self, "OrdersHttpApi")
        apigw.RestApi(self, "OrdersRestApi")
