resource "aws_sqs_queue" "orders" {
  name                       = "orders"
  visibility_timeout_seconds = 30
  sqs_managed_sse_enabled    = false
}
