from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
)
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Logged by the CloudFront distribution in front of it.
        api = apigateway.RestApi(self, "OrdersApi")  # iacfix: ignore[api-access-logging]
        api.root.add_method("ANY", apigateway.MockIntegration())
