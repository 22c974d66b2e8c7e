variable "redrive_policy" {
  type = string
}

resource "aws_sqs_queue" "imports" {
  name           = "imports"
  redrive_policy = var.redrive_policy
}

resource "aws_sqs_queue" "exports" {
  name = "exports"
}

resource "aws_sqs_queue_redrive_policy" "exports" {
  queue_url      = var.exports_queue_url
  redrive_policy = var.redrive_policy
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = var.worker_role_arn
  runtime       = "python3.12"
  handler       = "worker.handler"
  filename      = "worker.zip"

  dynamic "dead_letter_config" {
    for_each = var.worker_dlq_arn == null ? [] : [var.worker_dlq_arn]
    content {
      target_arn = dead_letter_config.value
    }
  }
}

resource "aws_lambda_function_event_invoke_config" "worker" {
  function_name = aws_lambda_function.worker.function_name
}
