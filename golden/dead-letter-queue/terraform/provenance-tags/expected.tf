# Tags written by yor trace each resource to its code: the dead-letter queue created for
# the queue below keeps the team's tags but not the queue's yor_trace and git_* tags.
resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })

  tags = {
    Team                 = "checkout"
    git_commit           = "e6d83b21346fe85d4fe28b16c0b2f1e0662eb1d7"
    git_file             = "terraform/aws/sqs.tf"
    git_last_modified_at = "2023-04-27 12:47:51"
    git_org              = "example"
    git_repo             = "shop"
    yor_trace            = "93cfa6f9-a257-40c3-b7dc-3c3686929734"
  }
}

resource "aws_sqs_queue" "orders_dlq" {
  name                      = "orders-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true

  tags = {
    Team = "checkout"
  }
}
