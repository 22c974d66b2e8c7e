"""HTTP API with stage throttling already in place."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

api = aws.apigatewayv2.Api(
    f"payments-api-{environment_suffix}",
    protocol_type="HTTP",
)

stage = aws.apigatewayv2.Stage(
    f"payments-stage-{environment_suffix}",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
    default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
        throttling_burst_limit=50,
        throttling_rate_limit=25,
    ),
)

rest_api = aws.apigateway.RestApi(f"admin-api-{environment_suffix}")
deployment = aws.apigateway.Deployment(f"admin-deployment-{environment_suffix}", rest_api=rest_api.id)

rest_stage = aws.apigateway.Stage(
    f"admin-stage-{environment_suffix}",
    rest_api=rest_api.id,
    deployment=deployment.id,
    stage_name="prod",
)

throttling = aws.apigateway.MethodSettings(
    f"admin-throttling-{environment_suffix}",
    rest_api=rest_api.id,
    stage_name=rest_stage.stage_name,
    method_path="*/*",
    settings=aws.apigateway.MethodSettingsSettingsArgs(
        throttling_burst_limit=20,
        throttling_rate_limit=10,
    ),
)

pulumi.export("api_endpoint", api.api_endpoint)
