from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from constructs import Construct


class StagesStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, api: apigw.IRestApi, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        deployment = apigw.Deployment(self, "Deployment", api=api)
        apigw.Stage(self, "BetaStage", deployment=deployment, stage_name="beta")
        apigw.CfnStage(
            self,
            "CanaryStage",
            rest_api_id=api.rest_api_id,
            deployment_id=deployment.deployment_id,
            stage_name="canary",
        )
