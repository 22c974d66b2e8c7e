resource "aws_apigatewayv2_stage" "live" {
  api_id      = aws_apigatewayv2_api.quiz.id
  name        = "live"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = 500
    throttling_rate_limit  = 250
  }
}

resource "aws_api_gateway_stage" "v1" {
  deployment_id = aws_api_gateway_deployment.grades.id
  rest_api_id   = aws_api_gateway_rest_api.grades.id
  stage_name    = "v1"
}

resource "aws_api_gateway_method_settings" "v1_all" {
  rest_api_id = aws_api_gateway_rest_api.grades.id
  stage_name  = "v1"
  method_path = "*/*"

  settings {
    throttling_burst_limit = 100
    throttling_rate_limit  = 50
    metrics_enabled        = true
  }
}
