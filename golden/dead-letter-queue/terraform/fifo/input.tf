resource "aws_sqs_queue" "ledger" {
  name                        = "ledger-updates.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}
