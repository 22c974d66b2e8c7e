resource "aws_sqs_queue" "jobs" {
  name = "jobs"

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 3
  })
}

# The dead-letter queue is not a candidate: the statement is narrowed to "jobs".
resource "aws_sqs_queue" "jobs_dlq" {
  name = "jobs-dlq"
}

resource "aws_iam_policy" "worker" {
  name = "jobs-worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"]
      Resource = aws_sqs_queue.jobs.arn
    }]
  })
}
