from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_logs as logs
from constructs import Construct


class CheckoutStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        audit_logs = logs.LogGroup(self, "AuditLogs", log_group_name="/checkout/audit")

        api = apigw.RestApi(
            self,
            "CheckoutApi",
            rest_api_name="checkout",
            deploy_options=apigw.StageOptions(
                stage_name="live",
                metrics_enabled=True,
                throttling_rate_limit=50,
                throttling_burst_limit=100,
            ),
        )
        api.root.add_method("ANY", apigw.MockIntegration())

        deployment = apigw.Deployment(self, "CanaryDeployment", api=api)
        apigw.Stage(
            self,
            "CanaryStage",
            deployment=deployment,
            stage_name="canary",
            tracing_enabled=True,
        )
