variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "payment_events" {
  name                       = "payment-events-${var.environment_suffix}"
  visibility_timeout_seconds = 60
  message_retention_seconds  = 345600

  tags = {
    Team = "payments"
  }
}
