# A reusable module: the caller passes the execution role. iacfix cannot grant it
# X-Ray write access, so turning tracing on here would fail the deploy: reported only.
variable "role_arn" {
  type = string
}

resource "aws_lambda_function" "export" {
  function_name = "export"
  role          = var.role_arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "export.zip"
}
