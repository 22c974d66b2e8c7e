variable "payments_invoke_arn" {
  type = string
}

variable "environment_suffix" {
  type = string
}

resource "aws_api_gateway_rest_api" "payments" {
  name = "payments-${var.environment_suffix}"

  body = jsonencode({
    openapi = "3.0.1"
    info = {
      title   = "payments"
      version = "1.0"
    }
    paths = {
      "/payments" = {
        post = {
          x-amazon-apigateway-integration = {
            httpMethod = "POST"
            type       = "AWS_PROXY"
            uri        = var.payments_invoke_arn
          }
        }
      }
    }
  })
}

resource "aws_api_gateway_deployment" "payments" {
  rest_api_id = aws_api_gateway_rest_api.payments.id

  triggers = {
    redeployment = sha1(jsonencode(aws_api_gateway_rest_api.payments.body))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.payments.id
  deployment_id = aws_api_gateway_deployment.payments.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.prod_access_logs.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      requestTime    = "$context.requestTime"
      httpMethod     = "$context.httpMethod"
      resourcePath   = "$context.resourcePath"
      status         = "$context.status"
      protocol       = "$context.protocol"
      responseLength = "$context.responseLength"
    })
  }

  tags = {
    Service = "payments"
  }
}

resource "aws_cloudwatch_log_group" "prod_access_logs" {
  name              = "payments-prod-access-logs-${var.environment_suffix}"
  retention_in_days = 30

  tags = {
    Service = "payments"
  }
}

resource "aws_cloudwatch_log_group" "payments_handler" {
  name              = "/aws/lambda/payments-${var.environment_suffix}"
  retention_in_days = 30
}

resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = var.api_gateway_logs_role_arn
}

variable "api_gateway_logs_role_arn" {
  type = string
}
