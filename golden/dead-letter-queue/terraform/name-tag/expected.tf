variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "payment_events" {
  name                       = "payment-events-${var.environment_suffix}"
  visibility_timeout_seconds = 60
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.payment_events_dlq.arn
    maxReceiveCount     = 3
  })

  tags = {
    Name = "payment-events"
    Team = "payments"
  }
}

resource "aws_sqs_queue" "payment_events_dlq" {
  name                      = "payment-events-dlq-${var.environment_suffix}"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true

  tags = {
    Team = "payments"
  }
}
