provider "aws" {
  alias  = "edge"
  region = "us-east-1"
}

resource "aws_api_gateway_deployment" "orders" {
  provider    = aws.edge
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "prod" {
  provider      = aws.edge
  deployment_id = aws_api_gateway_deployment.orders.id
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  provider    = aws.edge
  rest_api_id = aws_api_gateway_stage.prod.rest_api_id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
