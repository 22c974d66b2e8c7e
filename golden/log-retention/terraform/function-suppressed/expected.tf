# The platform's log subscription sets retention on every /aws/lambda group it finds.
# iacfix: ignore[log-retention]
resource "aws_lambda_function" "debug" {
  function_name = "debug"
  role          = var.lambda_role_arn
  handler       = "debug.handler"
  runtime       = "python3.12"
  filename      = "build/debug.zip"
}
