resource "aws_cloudwatch_log_group" "ingest" {
  name              = "/aws/lambda/ingest-${var.stage}"
  retention_in_days = 14
}

resource "aws_lambda_function" "ingest" {
  function_name = "ingest-${var.stage}"
  role          = var.lambda_role_arn
  handler       = "ingest.handler"
  runtime       = "python3.12"
  filename      = "build/ingest.zip"

  depends_on = [aws_cloudwatch_log_group.ingest]
}

resource "aws_lambda_function" "export" {
  function_name = var.export_name
  role          = var.lambda_role_arn
  handler       = "export.handler"
  runtime       = "python3.12"
  filename      = "build/export.zip"
}

resource "aws_cloudwatch_log_group" "export" {
  name              = "/aws/lambda/${var.export_name}"
  retention_in_days = 14
}

resource "aws_lambda_function" "audit" {
  function_name = "audit"
  role          = var.lambda_role_arn
  handler       = "audit.handler"
  runtime       = "python3.12"
  filename      = "build/audit.zip"
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/aws/lambda/${aws_lambda_function.audit.function_name}"
  retention_in_days = 30
}

resource "aws_lambda_function" "shipper" {
  function_name = "shipper"
  role          = var.lambda_role_arn
  handler       = "shipper.handler"
  runtime       = "python3.12"
  filename      = "build/shipper.zip"

  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.shared.name
  }
}

resource "aws_cloudwatch_log_group" "shared" {
  name              = "/platform/functions"
  retention_in_days = 90
}
