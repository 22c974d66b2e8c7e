resource "aws_api_gateway_gateway_response" "default_4xx" {
  rest_api_id   = aws_api_gateway_rest_api.legacy.id
  response_type = "DEFAULT_4XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'https://orders.example.com'"
  }
}

resource "aws_apigatewayv2_api" "orders" { name = "orders-${var.environment_suffix}"
    protocol_type = "HTTP"   # public API


    tags = { Team = "orders" }
}
