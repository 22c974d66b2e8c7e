resource "aws_sqs_queue" "grading_jobs" {
  name = "grading-jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.grading_jobs_failed.arn
    maxReceiveCount     = 5
  })
}

# Target of the redrive policy above: a DLQ itself.
resource "aws_sqs_queue" "grading_jobs_failed" {
  name                      = "grading-jobs-failed"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "notifications" {
  name = "notifications"
}

resource "aws_sqs_queue_redrive_policy" "notifications" {
  queue_url = aws_sqs_queue.notifications.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.notifications_deadletter.arn
    maxReceiveCount     = 4
  })
}

resource "aws_sqs_queue" "notifications_deadletter" {
  name = "notifications-deadletter"
}

resource "aws_lambda_function" "notify" {
  function_name = "notify"
  role          = aws_iam_role.notify.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "notify.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.notify_dlq.arn
  }
}

resource "aws_sqs_queue" "notify_dlq" {
  name = "notify-dlq"
}

resource "aws_sns_topic_subscription" "notify" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.notify.arn
}

# Invoked synchronously by API Gateway only: no DLQ needed.
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.notify.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "api.zip"
}

resource "aws_lambda_permission" "api" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "apigateway.amazonaws.com"
}
