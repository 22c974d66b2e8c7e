variable "tracing" {
  type    = bool
  default = false
}

resource "aws_api_gateway_stage" "live" {
  deployment_id        = aws_api_gateway_deployment.payments.id
  rest_api_id          = aws_api_gateway_rest_api.payments.id
  stage_name           = "live"
  xray_tracing_enabled = var.tracing
}
