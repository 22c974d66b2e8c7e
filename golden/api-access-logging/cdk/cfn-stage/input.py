from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_apigatewayv2 as apigatewayv2
from constructs import Construct


class LegacyGatewayStack(Stack):
    """API Gateway resources ported one to one from a CloudFormation template."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        rest_api = apigateway.CfnRestApi(self, "PartnerApi", name="partner-api")
        method = apigateway.CfnMethod(
            self,
            "PartnerRootMethod",
            rest_api_id=rest_api.ref,
            resource_id=rest_api.attr_root_resource_id,
            http_method="GET",
            authorization_type="NONE",
            integration=apigateway.CfnMethod.IntegrationProperty(type="MOCK"),
        )
        deployment = apigateway.CfnDeployment(self, "PartnerDeployment", rest_api_id=rest_api.ref)
        deployment.add_dependency(method)
        apigateway.CfnStage(
            self,
            "PartnerStage",
            rest_api_id=rest_api.ref,
            deployment_id=deployment.ref,
            stage_name="v1",
        )

        events_api = apigatewayv2.CfnApi(self, "EventsApi", name="partner-events", protocol_type="HTTP")
        apigatewayv2.CfnStage(
            self,
            "EventsStage",
            api_id=events_api.ref,
            stage_name="$default",
            auto_deploy=True,
        )
