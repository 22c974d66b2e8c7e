"""HTTP API in front of the orders service."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

orders_api = aws.apigatewayv2.Api(
    f"orders-api-{environment_suffix}",
    protocol_type="HTTP",
    tags={"Team": "orders"},
)

# Deploys every route change straight away.
orders_stage = aws.apigatewayv2.Stage(
    f"orders-stage-{environment_suffix}",
    api_id=orders_api.id,
    name="$default",
    auto_deploy=True,
    tags={"Team": "orders"},
)

pulumi.export("orders_url", orders_stage.invoke_url)
