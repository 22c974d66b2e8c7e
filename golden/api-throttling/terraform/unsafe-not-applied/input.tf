resource "aws_apigatewayv2_stage" "webhooks" {
  api_id = aws_apigatewayv2_api.webhooks.id
  name   = "webhooks"

  default_route_settings {
    throttling_burst_limit = -1 # partners retry on 429
    throttling_rate_limit  = -1 # see INC-2231
  }
}
