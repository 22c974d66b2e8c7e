resource "aws_api_gateway_stage" "internal" { # iacfix: ignore[api-tracing]
  deployment_id = aws_api_gateway_deployment.internal.id
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  stage_name    = "internal"
}
