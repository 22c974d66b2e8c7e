"""An internal stage used for smoke tests only."""

import pulumi_aws as aws

api = aws.apigateway.RestApi("smoke-api")
deployment = aws.apigateway.Deployment("smoke-deployment", rest_api=api.id)

# iacfix: ignore[api-tracing] -- smoke tests, traced by the test runner
smoke_stage = aws.apigateway.Stage(
    "smoke-stage",
    rest_api=api.id,
    deployment=deployment.id,
    stage_name="smoke",
)

aws.apigateway.Stage("load-stage", rest_api=api.id, deployment=deployment.id, stage_name="load")  # iacfix: ignore[IAC011]
