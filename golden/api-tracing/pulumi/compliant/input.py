"""A traced REST stage, and an HTTP API stage (X-Ray does not apply to HTTP APIs)."""

import pulumi_aws as aws

api = aws.apigateway.RestApi("results-api")
deployment = aws.apigateway.Deployment("results-deployment", rest_api=api.id)

aws.apigateway.Stage(
    "results-stage",
    rest_api=api.id,
    deployment=deployment.id,
    stage_name="prod",
    xray_tracing_enabled=True,
)

http_api = aws.apigatewayv2.Api("webhooks", protocol_type="HTTP")
aws.apigatewayv2.Stage("webhooks-stage", api_id=http_api.id, name="$default", auto_deploy=True)
