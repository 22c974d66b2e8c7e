variable "environment_suffix" {
  type = string
}

resource "aws_api_gateway_stage" "live" {
  deployment_id        = aws_api_gateway_deployment.payments.id
  rest_api_id          = aws_api_gateway_rest_api.payments.id
  stage_name           = var.environment_suffix
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })
  }

  tags = {
    Team = "payments"
  }
}
