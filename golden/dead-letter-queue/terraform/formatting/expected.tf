/*
 * Order intake queue.
 */
resource "aws_sqs_queue" "order_intake" {
    # FIFO is not needed: orders are idempotent.
    name                       = "order-intake-${var.env}"   # one per env
    visibility_timeout_seconds = 120
    receive_wait_time_seconds  = 20  # long polling
    redrive_policy = jsonencode({
        deadLetterTargetArn = aws_sqs_queue.order_intake_dlq.arn
        maxReceiveCount     = 3
    })

    # Tags come from the provider's default_tags.
    lifecycle {
        prevent_destroy = true
    }
}

resource "aws_sqs_queue" "order_intake_dlq" {
    name                      = "order-intake-dlq-${var.env}"
    message_retention_seconds = 1209600
}
