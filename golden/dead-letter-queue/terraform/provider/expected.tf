provider "aws" {
  alias  = "eu"
  region = "eu-central-1"
}

resource "aws_sqs_queue" "settlements" {
  provider                = aws.eu
  name                    = "settlements"
  sqs_managed_sse_enabled = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.settlements_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "settlements_dlq" {
  provider                  = aws.eu
  name                      = "settlements-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}
