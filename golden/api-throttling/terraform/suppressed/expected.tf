# Internal admin API: throttled by the upstream ALB instead.
# iacfix: ignore[api-throttling]
resource "aws_apigatewayv2_stage" "admin" {
  api_id      = aws_apigatewayv2_api.admin.id
  name        = "admin"
  auto_deploy = true
}

resource "aws_apigatewayv2_stage" "reports" { # iacfix: ignore[IAC001]
  api_id = aws_apigatewayv2_api.reports.id
  name   = "reports"
}
