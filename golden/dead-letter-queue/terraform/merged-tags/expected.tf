# yor writes its tags as a second map merged into the resource's own: the dead-letter
# queue keeps the team's tag, and neither the queue's Name nor its yor and git_* tags.
resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })

  tags = merge({
    Name = "orders"
    Team = "checkout"
    }, {
    git_org   = "example"
    git_repo  = "shop"
    yor_trace = "93cfa6f9-a257-40c3-b7dc-3c3686929734"
  })
}

resource "aws_sqs_queue" "orders_dlq" {
  name                      = "orders-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true

  tags = {
    Team = "checkout"
  }
}
