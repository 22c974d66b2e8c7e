variable "environment_suffix" {
  type = string
}

variable "dlq_name" {
  type = string
}

resource "aws_lambda_function" "process_order" {
  function_name = "process-order-${var.environment_suffix}"
  role          = var.lambda_role_arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "build/process_order.zip"

  dead_letter_config {
    target_arn = var.dlq_arn
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_sqs_queue" "orders" {
  name = "orders-${var.environment_suffix}"

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "orders_dlq" {
  name = var.dlq_name
}

# by reference
resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "process-order-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"

  dimensions = {
    FunctionName = aws_lambda_function.process_order.function_name
  }
}

# by the name written out
resource "aws_cloudwatch_metric_alarm" "throttles" {
  alarm_name          = "process-order-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"

  dimensions = {
    FunctionName = "process-order-${var.environment_suffix}"
  }
}

# ThrottledRequests of every operation, in a metric query, by the table's literal name
resource "aws_cloudwatch_metric_alarm" "table_throttles" {
  alarm_name          = "orders-throttles"
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"

  metric_query {
    id          = "total"
    expression  = "SUM(METRICS())"
    return_data = true
  }

  metric_query {
    id = "get"

    metric {
      namespace   = "AWS/DynamoDB"
      metric_name = "ThrottledRequests"
      period      = 300
      stat        = "Sum"

      dimensions = {
        TableName = "orders"
        Operation = "GetItem"
      }
    }
  }
}

# a dimension the file cannot read: any dead-letter queue
resource "aws_cloudwatch_metric_alarm" "dlq" {
  alarm_name          = "dlq-messages"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"

  dimensions = {
    QueueName = var.dlq_name
  }
}
