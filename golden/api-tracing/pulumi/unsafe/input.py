"""Tracing turned off when X-Ray costs spiked."""

import pulumi_aws as aws

api = aws.apigateway.RestApi("uploads-api")
deployment = aws.apigateway.Deployment("uploads-deployment", rest_api=api.id)

uploads_stage = aws.apigateway.Stage(
    "uploads-stage",
    rest_api=api.id,
    deployment=deployment.id,
    stage_name="prod",
    xray_tracing_enabled=False,
)
