"""Both stages already write access logs."""

import json

import pulumi
import pulumi_aws as aws

logs = aws.cloudwatch.LogGroup("api-access-logs", retention_in_days=90)

api = aws.apigatewayv2.Api("chat-api", protocol_type="WEBSOCKET", route_selection_expression="$request.body.action")

aws.apigatewayv2.Stage(
    "chat-prod",
    api_id=api.id,
    name="prod",
    access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
        destination_arn=logs.arn,
        format="$context.requestId $context.routeKey $context.status",
    ),
)

rest_api = aws.apigateway.RestApi(
    "legacy-api",
    body=json.dumps({"openapi": "3.0.1", "info": {"title": "legacy", "version": "1.0"}, "paths": {}}),
)
deployment = aws.apigateway.Deployment("legacy-deployment", rest_api=rest_api.id)
aws.apigateway.Stage(
    "legacy-prod",
    rest_api=rest_api.id,
    deployment=deployment.id,
    stage_name="prod",
    access_log_settings={"destination_arn": logs.arn, "format": "$context.requestId"},
)
