variable "stage_rate_limit" {
  type    = number
  default = 100
}

resource "aws_apigatewayv2_stage" "public" {
  api_id = aws_apigatewayv2_api.public.id
  name   = "public"

  default_route_settings {
    throttling_burst_limit = var.stage_rate_limit * 2
    throttling_rate_limit  = var.stage_rate_limit
  }
}

resource "aws_api_gateway_stage" "legacy" {
  deployment_id = aws_api_gateway_deployment.legacy.id
  rest_api_id   = aws_api_gateway_rest_api.legacy.id
  stage_name    = "legacy"
}

resource "aws_api_gateway_method_settings" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.legacy.id
  stage_name  = aws_api_gateway_stage.legacy.stage_name
  method_path = var.method_path

  settings {
    throttling_burst_limit = 20
    throttling_rate_limit  = 10
  }
}
