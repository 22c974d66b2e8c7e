resource "aws_api_gateway_stage" "live" {
  deployment_id        = aws_api_gateway_deployment.payments.id
  rest_api_id          = aws_api_gateway_rest_api.payments.id
  stage_name           = "live"
  xray_tracing_enabled = true
}

# HTTP APIs do not support X-Ray: not reported.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.public.id
  name        = "$default"
  auto_deploy = true
}
