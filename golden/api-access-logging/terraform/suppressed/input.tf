resource "aws_apigatewayv2_stage" "internal" { # iacfix: ignore[IAC010]
  api_id      = aws_apigatewayv2_api.internal.id
  name        = "$default"
  auto_deploy = true
}
