"""A throwaway preview stage: no access logs on purpose."""

import pulumi
import pulumi_aws as aws

api = aws.apigatewayv2.Api("preview-api", protocol_type="HTTP")

aws.apigatewayv2.Stage(  # iacfix: ignore[IAC010] - preview stages are deleted nightly
    "preview",
    api_id=api.id,
    name="preview",
    auto_deploy=True,
)
