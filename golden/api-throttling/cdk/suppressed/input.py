from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
)
from constructs import Construct


class MockApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Throttled by the WAF in front of it.
        # iacfix: ignore[api-throttling]
        api = apigateway.RestApi(self, "MockApi", rest_api_name="mock-api")
        api.root.add_method("GET", apigateway.MockIntegration())
