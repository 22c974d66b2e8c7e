"""Stages that already have some route settings."""

import pulumi
import pulumi_aws as aws

api = aws.apigatewayv2.Api("checkout-api", protocol_type="HTTP")

stage = aws.apigatewayv2.Stage(
    "checkout-stage",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
    default_route_settings={
        "detailed_metrics_enabled": True,
        "throttling_rate_limit": 50,
        "throttling_burst_limit": 200,
    },
)

rest_api = aws.apigateway.RestApi("refunds-api")
deployment = aws.apigateway.Deployment("refunds-deployment", rest_api=rest_api.id)

rest_stage = aws.apigateway.Stage(
    "refunds-stage",
    rest_api=rest_api.id,
    deployment=deployment.id,
    stage_name="prod",
)

refunds_settings = aws.apigateway.MethodSettings(
    "refunds-settings",
    rest_api=rest_api.id,
    stage_name=rest_stage.stage_name,
    method_path="*/*",
    settings=aws.apigateway.MethodSettingsSettingsArgs(
        metrics_enabled=True,
        logging_level="INFO",
        throttling_burst_limit=200,
        throttling_rate_limit=100,
    ),
)
