variable "environment_suffix" {
  type = string
}

resource "aws_cloudwatch_log_group" "authorize_payment" {
  name              = "/aws/lambda/authorize-payment-${var.environment_suffix}"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 30

  tags = {
    Team = "payments"
  }
}
