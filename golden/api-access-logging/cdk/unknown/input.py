from aws_cdk import (
    Stack,
    aws_apigateway as apigateway,
)
from constructs import Construct


class OrdersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, stage_options: apigateway.StageOptions,
                 shared_props: dict, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        api = apigateway.RestApi(self, "OrdersApi", deploy_options=stage_options)
        api.root.add_method("ANY", apigateway.MockIntegration())

        shared = apigateway.RestApi(self, "SharedApi", **shared_props)
        shared.root.add_method("ANY", apigateway.MockIntegration())
