"""REST API for the merchant dashboard."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

rest_api = aws.apigateway.RestApi(
    f"merchant-api-{environment_suffix}",
    description="Merchant dashboard API",
)

deployment = aws.apigateway.Deployment(
    f"merchant-deployment-{environment_suffix}",
    rest_api=rest_api.id,
    opts=pulumi.ResourceOptions(depends_on=[rest_api]),
)

stage = aws.apigateway.Stage(
    f"merchant-stage-{environment_suffix}",
    rest_api=rest_api.id,
    deployment=deployment.id,
    stage_name=environment_suffix,
    xray_tracing_enabled=True,
)

stage_method_settings = aws.apigateway.MethodSettings(
    f"merchant-stage-method-settings-{environment_suffix}",
    rest_api=stage.rest_api,
    stage_name=stage.stage_name,
    method_path="*/*",
    settings=aws.apigateway.MethodSettingsSettingsArgs(
        throttling_burst_limit=200,
        throttling_rate_limit=100,
    ),
)

pulumi.export("invoke_url", stage.invoke_url)
