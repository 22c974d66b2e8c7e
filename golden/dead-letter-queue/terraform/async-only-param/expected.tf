resource "aws_iam_role" "reports" {
  name = "reports"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

# Invoked by SDK calls from another stack: no invoker in this module.
resource "aws_lambda_function" "reports" {
  function_name = "reports"
  role          = aws_iam_role.reports.arn
  runtime       = "python3.12"
  handler       = "reports.handler"
  filename      = "reports.zip"
}

output "reports_function_arn" {
  value = aws_lambda_function.reports.arn
}
