resource "aws_sqs_queue" "ingest" {
   name                    = "ingest.fifo" # FIFO: ordered per device
   fifo_queue              = true
   sqs_managed_sse_enabled = true
   # content_based_deduplication = true
   redrive_policy = jsonencode({
      deadLetterTargetArn = aws_sqs_queue.ingest_dlq.arn
      maxReceiveCount     = 5
   })
   depends_on = [aws_sqs_queue.ingest_dlq]
}
resource "aws_sqs_queue" "ingest_dlq" {
   name                    = "ingest-dlq.fifo"
   sqs_managed_sse_enabled = true
}
resource "aws_sqs_queue" "jobs" {
   name = "jobs"
   delay_seconds = 5 # throttle producers
   sqs_managed_sse_enabled = true
}
