# called by other services only: no front end, no CORS headers
resource "aws_apigatewayv2_api" "orders" {
  name          = "orders-${var.environment_suffix}"
  protocol_type = "HTTP"
}

resource "aws_api_gateway_rest_api" "legacy" {
  name = "legacy-${var.environment_suffix}"
}
