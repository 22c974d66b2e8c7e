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

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.default_access_logs.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      requestTime    = "$context.requestTime"
      httpMethod     = "$context.httpMethod"
      routeKey       = "$context.routeKey"
      status         = "$context.status"
      protocol       = "$context.protocol"
      responseLength = "$context.responseLength"
    })
  }
}

resource "aws_cloudwatch_log_group" "default_access_logs" {
  provider          = aws.edge
  region            = "us-east-1"
  retention_in_days = 30
}
