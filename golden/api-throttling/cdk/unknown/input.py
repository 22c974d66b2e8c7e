from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
)
from constructs import Construct


class PartnerApiStack(Stack):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        stage_options: apigateway.StageOptions,
        rate_limit: int,
        **kwargs,
    ) -> None:
        super().__init__(scope, construct_id, **kwargs)

        partner_api = apigateway.RestApi(
            self,
            "PartnerApi",
            deploy_options=stage_options,
        )
        partner_api.root.add_method("GET", apigateway.MockIntegration())

        status_api = apigateway.RestApi(
            self,
            "StatusApi",
            deploy_options=apigateway.StageOptions(
                throttling_rate_limit=rate_limit,
                throttling_burst_limit=rate_limit * 2,
            ),
        )
        status_api.root.add_method("GET", apigateway.MockIntegration())
