# HTTP API for the checkout service.
resource "aws_apigatewayv2_stage" "checkout" {
    api_id = aws_apigatewayv2_api.checkout.id # the API
    name   = "checkout"   # stage name

    # Route defaults shared by every route.
    default_route_settings {
        # JSON access logs are configured separately.
        detailed_metrics_enabled = true   // metrics on
        logging_level = "INFO"
    }

    access_log_settings {
        destination_arn = aws_cloudwatch_log_group.api.arn
        format          = jsonencode({ requestId = "$context.requestId" })
    }
} # end of stage
