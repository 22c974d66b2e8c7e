resource "aws_kms_key" "payments" {
  description         = "Payments data"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "payment_events" {
  name                       = "payment-events"
  visibility_timeout_seconds = 60
}

# Explicitly SQS-managed: stays as it is.
resource "aws_sqs_queue" "notifications" {
  name                    = "notifications"
  sqs_managed_sse_enabled = true
}
