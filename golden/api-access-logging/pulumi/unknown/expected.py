"""Stage settings shared by every stage of the platform."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
access_logs = config.get_object("accessLogSettings") or {
    "destination_arn": "arn:aws:logs:us-east-1:123456789012:log-group:platform-api",
    "format": "$context.requestId",
}
stage_options = {"auto_deploy": True}

api = aws.apigatewayv2.Api("platform-api", protocol_type="HTTP")

aws.apigatewayv2.Stage("platform-prod", api_id=api.id, name="prod", access_log_settings=access_logs)

aws.apigatewayv2.Stage("platform-dev", api_id=api.id, name="dev", **stage_options)
