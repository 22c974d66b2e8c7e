variable "environment_suffix" {
  type = string
}

resource "aws_lambda_function" "authorize_payment" {
  function_name = "authorize-payment-${var.environment_suffix}"
  role          = aws_iam_role.payments.arn
  runtime       = "python3.12"
  handler       = "authorize.handler"
  filename      = "${path.module}/build/authorize.zip"

  environment {
    variables = {
      TABLE_NAME = aws_dynamodb_table.payments.name
    }
  }

  tags = {
    Team = "payments"
  }
}

resource "aws_lambda_function" "refund" {
  function_name = "refund-${var.environment_suffix}"
  role          = aws_iam_role.payments.arn
  runtime       = "python3.12"
  handler       = "refund.handler"
  filename      = "${path.module}/build/refund.zip"
  timeout       = 60
}
