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

  dead_letter_config {
    target_arn = aws_sqs_queue.reports_dlq.arn
  }

  depends_on = [aws_iam_role_policy.reports_dlq]
}

resource "aws_sqs_queue" "reports_dlq" {
  name                      = "reports-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_iam_role_policy" "reports_dlq" {
  role = aws_iam_role.reports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sqs:SendMessage"
      Resource = aws_sqs_queue.reports_dlq.arn
    }]
  })
}

output "reports_function_arn" {
  value = aws_lambda_function.reports.arn
}
