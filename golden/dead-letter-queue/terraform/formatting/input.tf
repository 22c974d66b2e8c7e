/*
 * Order intake queue.
 */
resource "aws_sqs_queue" "order_intake" {
    # FIFO is not needed: orders are idempotent.
    name                       = "order-intake-${var.env}"   # one per env
    visibility_timeout_seconds = 120
    receive_wait_time_seconds  = 20  # long polling

    # Tags come from the provider's default_tags.
    lifecycle {
        prevent_destroy = true
    }
}
