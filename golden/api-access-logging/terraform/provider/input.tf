provider "aws" {
  alias  = "edge"
  region = "us-east-1"
}

resource "aws_apigatewayv2_api" "orders" {
  provider      = aws.edge
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  provider    = aws.edge
  region      = "us-east-1"
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "$default"
  auto_deploy = true
}
