"""HTTP API in front of the payments Lambda function."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

api = aws.apigatewayv2.Api(
    f"payments-api-{environment_suffix}",
    protocol_type="HTTP",
    description="Public payments API",
)

stage = aws.apigatewayv2.Stage(
    f"payments-stage-{environment_suffix}",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
)

pulumi.export("api_endpoint", api.api_endpoint)
