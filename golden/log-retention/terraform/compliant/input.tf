variable "log_retention_days" {
  type    = number
  default = 90
}

resource "aws_cloudwatch_log_group" "authorize_payment" {
  name              = "/aws/lambda/authorize-payment"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/payments/audit"
  retention_in_days = var.log_retention_days
}
