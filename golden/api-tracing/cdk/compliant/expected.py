from aws_cdk import Stack, aws_apigateway as apigateway
from constructs import Construct


class PartnersApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        apigateway.RestApi(
            self,
            "PartnersApi",
            deploy_options=apigateway.StageOptions(stage_name="v1", tracing_enabled=True),
        )
        # Stages are managed below
        internal = apigateway.RestApi(self, "InternalApi", deploy=False)
        internal.root.add_method("GET")
        deployment = apigateway.Deployment(self, "InternalDeployment", api=internal)
        apigateway.Stage(self, "InternalStage", deployment=deployment, tracing_enabled=True)
