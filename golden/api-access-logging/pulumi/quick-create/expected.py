"""Webhook receiver: an HTTP API created in one call in front of its Lambda function."""

import json

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

role = aws.iam.Role(
    f"webhook-role-{environment_suffix}",
    assume_role_policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {"Service": "lambda.amazonaws.com"},
        }],
    }),
)

handler = aws.lambda_.Function(
    f"webhook-{environment_suffix}",
    runtime="python3.12",
    handler="app.handler",
    code=pulumi.FileArchive("./src"),
    role=role.arn,
)

# quick create with a route key: API Gateway makes the $default stage for it
api = aws.apigatewayv2.Api(
    f"webhook-api-{environment_suffix}",
    protocol_type="HTTP",
    route_key="POST /events",
    target=handler.arn,
)

aws.lambda_.Permission(
    f"webhook-invoke-{environment_suffix}",
    action="lambda:InvokeFunction",
    function=handler.name,
    principal="apigateway.amazonaws.com",
    source_arn=api.execution_arn.apply(lambda arn: f"{arn}/*/*"),
)

pulumi.export("endpoint", api.api_endpoint)
