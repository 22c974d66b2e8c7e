resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-${var.environment_suffix}"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.prod_access_logs.arn
    format = jsonencode({
      requestId = "$context.requestId"
      status    = "$context.status"
    })
  }
}

# The access logs go with their stage: no lifecycle of their own.
resource "aws_cloudwatch_log_group" "prod_access_logs" {
  name              = "orders-prod-access-logs-${var.environment_suffix}"
  retention_in_days = 30
}

resource "aws_apigatewayv2_stage" "events" {
  api_id      = aws_apigatewayv2_api.events.id
  name        = "$default"
  auto_deploy = true

  dynamic "access_log_settings" {
    for_each = var.access_logs ? [1] : []
    content {
      destination_arn = aws_cloudwatch_log_group.events_access_logs.arn
      format          = var.access_log_format
    }
  }
}

resource "aws_cloudwatch_log_group" "events_access_logs" {
  name              = "orders-events-access-logs-${var.environment_suffix}"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/orders/worker-${var.environment_suffix}"
  retention_in_days = 30
}
