from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
)
from constructs import Construct


class BatchApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api = apigateway.RestApi(
            self,
            "BatchApi",
            deploy_options=apigateway.StageOptions(
                stage_name="batch",
                throttling_rate_limit=100,
                throttling_burst_limit=200,
            ),
        )
        api.root.add_method("POST", apigateway.MockIntegration())
