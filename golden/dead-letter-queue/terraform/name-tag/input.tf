variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "payment_events" {
  name                       = "payment-events-${var.environment_suffix}"
  visibility_timeout_seconds = 60
  sqs_managed_sse_enabled    = true

  tags = {
    Name = "payment-events"
    Team = "payments"
  }
}
