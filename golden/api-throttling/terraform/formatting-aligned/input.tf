resource "aws_apigatewayv2_stage" "events" {
  api_id      = aws_apigatewayv2_api.events.id
  name        = "events"
  auto_deploy = true

  # Defaults for every route of the events API.
  default_route_settings {
    data_trace_enabled = false   # no payload logging (PII)
    logging_level      = "ERROR" # errors only
  }                              # default_route_settings

  lifecycle {
    ignore_changes = [deployment_id]
  }
}
