# no front end in this module, but every API must answer CORS preflight (apis = "all")
resource "aws_apigatewayv2_api" "orders" {
  name          = "orders-${var.environment_suffix}"
  protocol_type = "HTTP"
}

resource "aws_api_gateway_rest_api" "legacy" {
  name = "legacy-${var.environment_suffix}"
}
