provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

variable "environment_suffix" {
  type = string
}

resource "aws_lambda_function" "authorize" {
  provider      = aws.eu
  function_name = "authorize-payment-${var.environment_suffix}"
  role          = var.lambda_role_arn
  handler       = "authorize.handler"
  runtime       = "python3.12"
  filename      = "build/authorize.zip"

  tags = {
    Team = "payments"
  }
}

resource "aws_lambda_function" "refund" {
  function_name = var.refund_function_name
  role          = var.lambda_role_arn
  handler       = "refund.handler"
  runtime       = "python3.12"
  filename      = "build/refund.zip"

  depends_on = [aws_iam_role_policy.refund_logs]
}

resource "aws_lambda_function" "nightly" {
  count         = 2
  function_name = "nightly-${count.index}"
  role          = var.lambda_role_arn
  handler       = "nightly.handler"
  runtime       = "python3.12"
  filename      = "build/nightly.zip"
}
