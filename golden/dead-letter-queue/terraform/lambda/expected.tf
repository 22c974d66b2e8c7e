variable "environment_suffix" {
  type = string
}

resource "aws_iam_role" "receipt_processor" {
  name = "receipt-processor-${var.environment_suffix}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "receipt_processor" {
  function_name = "receipt-processor-${var.environment_suffix}"
  role          = aws_iam_role.receipt_processor.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/receipt_processor.zip"
  timeout       = 30

  environment {
    variables = {
      TABLE_NAME = "receipts-${var.environment_suffix}"
    }
  }

  dead_letter_config {
    target_arn = aws_sqs_queue.receipt_processor_dlq.arn
  }

  depends_on = [aws_iam_role_policy.receipt_processor_dlq]
}

resource "aws_sqs_queue" "receipt_processor_dlq" {
  name                      = "receipt-processor-dlq-${var.environment_suffix}"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_iam_role_policy" "receipt_processor_dlq" {
  role = aws_iam_role.receipt_processor.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sqs:SendMessage"
      Resource = aws_sqs_queue.receipt_processor_dlq.arn
    }]
  })
}

resource "aws_s3_bucket" "receipts" {
  bucket = "receipts-${var.environment_suffix}"
}

resource "aws_lambda_permission" "allow_s3" {
  statement_id  = "AllowExecutionFromS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.receipt_processor.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.receipts.arn
}

resource "aws_s3_bucket_notification" "receipts" {
  bucket = aws_s3_bucket.receipts.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.receipt_processor.arn
    events              = ["s3:ObjectCreated:*"]
  }

  depends_on = [aws_lambda_permission.allow_s3]
}
