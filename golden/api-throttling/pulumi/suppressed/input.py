"""Internal API: throttled by the caller's service mesh, not by API Gateway."""

import pulumi
import pulumi_aws as aws

api = aws.apigatewayv2.Api("internal-api", protocol_type="HTTP")

# iacfix: ignore[api-throttling] -- rate limits live in the mesh
stage = aws.apigatewayv2.Stage(
    "internal-stage",
    api_id=api.id,
    name="$default",
    auto_deploy=True,
)

legacy_stage = aws.apigatewayv2.Stage("legacy", api_id=api.id, name="v1")  # iacfix: ignore[IAC001]
