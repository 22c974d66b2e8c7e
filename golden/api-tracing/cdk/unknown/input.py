from aws_cdk import Stack, aws_apigateway as apigateway
from constructs import Construct


class TenantApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, trace: bool, stage_options: apigateway.StageOptions, deploy: bool, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        apigateway.RestApi(self, "TenantApi", deploy_options=apigateway.StageOptions(tracing_enabled=trace))
        apigateway.RestApi(self, "AdminApi", deploy_options=stage_options)
        apigateway.RestApi(self, "ReportsApi", deploy=deploy)
