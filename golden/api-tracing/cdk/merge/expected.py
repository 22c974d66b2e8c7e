from aws_cdk import Stack, aws_apigateway as apigateway
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        apigateway.RestApi(
            self,
            "OrdersApi",
            rest_api_name=f"orders-{environment_suffix}",
            deploy_options=apigateway.StageOptions(
                stage_name=environment_suffix,
                logging_level=apigateway.MethodLoggingLevel.INFO,
                tracing_enabled=True,
                throttling_rate_limit=50,
                throttling_burst_limit=100,
            ),
        )
