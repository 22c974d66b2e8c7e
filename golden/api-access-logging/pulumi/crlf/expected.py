"""HTTP API in front of the orders service."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_api = aws.apigatewayv2.Api(
    f"orders-api-{environment_suffix}",
    protocol_type="HTTP",
    tags={"Team": "orders"},
)

orders_stage_access_logs = aws.cloudwatch.LogGroup(
    f"orders-stage-access-logs-{environment_suffix}",
    retention_in_days=30,
    tags={"Team": "orders"},
)

# Deploys every route change straight away.
orders_stage = aws.apigatewayv2.Stage(
    f"orders-stage-{environment_suffix}",
    api_id=orders_api.id,
    name="$default",
    auto_deploy=True,
    access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
        destination_arn=orders_stage_access_logs.arn,
        format=json.dumps(
            {
                "requestId": "$context.requestId",
                "ip": "$context.identity.sourceIp",
                "requestTime": "$context.requestTime",
                "httpMethod": "$context.httpMethod",
                "routeKey": "$context.routeKey",
                "status": "$context.status",
                "protocol": "$context.protocol",
                "responseLength": "$context.responseLength",
            }
        ),
    ),
    tags={"Team": "orders"},
)

pulumi.export("orders_url", orders_stage.invoke_url)
