from aws_cdk import Stack, aws_apigateway as apigateway
from constructs import Construct


class LegacyApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        apigateway.RestApi(
            self,
            "LegacyApi",
            deploy_options=apigateway.StageOptions(
                stage_name="prod",
                tracing_enabled=False,
            ),
        )
