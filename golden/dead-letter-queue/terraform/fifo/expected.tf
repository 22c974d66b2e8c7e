resource "aws_sqs_queue" "ledger" {
  name                        = "ledger-updates.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.ledger_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "ledger_dlq" {
  name                      = "ledger-updates-dlq.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
}
