resource "aws_lambda_function" "authorize_payment" {
  function_name                  = "authorize-payment"
  role                           = aws_iam_role.payments.arn
  runtime                        = "python3.12"
  handler                        = "authorize.handler"
  filename                       = "build/authorize.zip"
  reserved_concurrent_executions = 50
}

# -1: explicitly unreserved (draws from the shared pool)
resource "aws_lambda_function" "report" {
  function_name                  = "report"
  role                           = aws_iam_role.payments.arn
  runtime                        = "python3.12"
  handler                        = "report.handler"
  filename                       = "build/report.zip"
  reserved_concurrent_executions = -1
}
