# Replayed from the source system on failure; a DLQ would hide the problem.
resource "aws_sqs_queue" "sync_requests" { # iacfix: ignore[dead-letter-queue]
  name = "sync-requests"
}

# iacfix: ignore[IAC002]
resource "aws_lambda_function" "cleanup" {
  function_name = "cleanup"
  role          = aws_iam_role.cleanup.arn
  runtime       = "python3.12"
  handler       = "cleanup.handler"
  filename      = "cleanup.zip"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.cleanup.arn
}
