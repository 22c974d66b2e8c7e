"""Stages whose throttling comes from configuration."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
route_settings = aws.apigatewayv2.StageDefaultRouteSettingsArgs(
    throttling_burst_limit=config.require_int("burstLimit"),
    throttling_rate_limit=config.require_int("rateLimit"),
)
stage_args = {"auto_deploy": True, "default_route_settings": route_settings}

api = aws.apigatewayv2.Api("orders-api", protocol_type="HTTP")

stage = aws.apigatewayv2.Stage(
    "orders-stage",
    api_id=api.id,
    name="$default",
    default_route_settings=route_settings,
)

canary = aws.apigatewayv2.Stage("orders-canary", api_id=api.id, name="canary", **stage_args)

limited = aws.apigatewayv2.Stage(
    "orders-limited",
    api_id=api.id,
    name="limited",
    default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
        throttling_burst_limit=config.require_int("burstLimit"),
        throttling_rate_limit=config.require_int("rateLimit"),
    ),
)
