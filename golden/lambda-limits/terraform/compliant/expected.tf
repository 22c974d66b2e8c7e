resource "aws_lambda_function" "authorize_payment" {
  function_name = "authorize-payment"
  role          = aws_iam_role.payments.arn
  runtime       = "python3.12"
  handler       = "authorize.handler"
  filename      = "build/authorize.zip"
  timeout       = 10
  memory_size   = 256
}
