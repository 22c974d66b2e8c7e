from aws_cdk import Stack, aws_apigateway as apigateway
from constructs import Construct


class MockApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Mock integrations only: nothing behind it to trace
        # iacfix: ignore[api-tracing]
        apigateway.RestApi(
            self,
            "MockApi",
            deploy_options=apigateway.StageOptions(stage_name="mock"),
        )
        apigateway.RestApi(self, "StatusApi")  # iacfix: ignore[IAC011]
