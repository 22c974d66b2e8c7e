"""Tracing switched per stack."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()

api = aws.apigateway.RestApi("catalog-api")
deployment = aws.apigateway.Deployment("catalog-deployment", rest_api=api.id)

aws.apigateway.Stage(
    "catalog-stage",
    rest_api=api.id,
    deployment=deployment.id,
    stage_name="v1",
    xray_tracing_enabled=config.get_bool("tracing"),
)

stage_settings = {"stage_name": "v2", "xray_tracing_enabled": True}
aws.apigateway.Stage("catalog-v2", rest_api=api.id, deployment=deployment.id, **stage_settings)
