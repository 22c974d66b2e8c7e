"""Load-test stage: throttling was switched off for a benchmark and never restored."""

import pulumi
import pulumi_aws as aws

api = aws.apigatewayv2.Api("bench-api", protocol_type="HTTP")

stage = aws.apigatewayv2.Stage(
    "bench-stage",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
    default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
        detailed_metrics_enabled=True,
        throttling_burst_limit=-1,
        throttling_rate_limit=-1,
    ),
)
