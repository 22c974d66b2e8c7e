from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_logs as logs
from constructs import Construct


class CheckoutStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        audit_logs = logs.LogGroup(self, "AuditLogs", log_group_name="/checkout/audit")

        api_access_logs = logs.LogGroup(
            self,
            "CheckoutApiAccessLogs",
            log_group_name="checkout-access-logs",
            retention=logs.RetentionDays.ONE_MONTH,
        )

        api = apigw.RestApi(
            self,
            "CheckoutApi",
            rest_api_name="checkout",
            deploy_options=apigw.StageOptions(
                stage_name="live",
                metrics_enabled=True,
                access_log_destination=apigw.LogGroupLogDestination(api_access_logs),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                    caller=False,
                    http_method=True,
                    ip=True,
                    protocol=True,
                    request_time=True,
                    resource_path=True,
                    response_length=True,
                    status=True,
                    user=False,
                ),
                throttling_rate_limit=50,
                throttling_burst_limit=100,
            ),
        )
        api.root.add_method("ANY", apigw.MockIntegration())

        deployment = apigw.Deployment(self, "CanaryDeployment", api=api)
        canary_stage_access_logs = logs.LogGroup(
            self,
            "CanaryStageAccessLogs",
            retention=logs.RetentionDays.ONE_MONTH,
        )
        apigw.Stage(
            self,
            "CanaryStage",
            deployment=deployment,
            stage_name="canary",
            access_log_destination=apigw.LogGroupLogDestination(
                canary_stage_access_logs,
            ),
            access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                caller=False,
                http_method=True,
                ip=True,
                protocol=True,
                request_time=True,
                resource_path=True,
                response_length=True,
                status=True,
                user=False,
            ),
            tracing_enabled=True,
        )
