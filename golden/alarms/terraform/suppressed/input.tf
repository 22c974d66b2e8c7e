resource "aws_lambda_function" "nightly_report" { # iacfix: ignore[alarms] -- a report job, watched by its consumers
  function_name = "nightly-report"
  role          = var.lambda_role_arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "build/nightly_report.zip"
}
