from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
    aws_logs as logs,
)
from constructs import Construct


class CheckoutApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        access_logs = logs.LogGroup(self, "CheckoutApiAccessLogs")

        api = apigateway.RestApi(
            self,
            "CheckoutApi",
            deploy_options=apigateway.StageOptions(
                stage_name="prod",
                access_log_destination=apigateway.LogGroupLogDestination(access_logs),
                throttling_burst_limit=500,
            ),
        )
        api.root.add_method("ANY", apigateway.MockIntegration())
