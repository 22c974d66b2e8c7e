resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.shop_access.arn
    format          = "$context.requestId $context.status"
  }
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.shop.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-shop"
    format          = jsonencode({ requestId = "$context.requestId" })
  }
}
