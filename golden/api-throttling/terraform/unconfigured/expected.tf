variable "environment_suffix" {
  type = string
}

resource "aws_apigatewayv2_api" "payments" {
  name          = "payments-api-${var.environment_suffix}"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.payments.id
  name        = "$default"
  auto_deploy = true
}
