variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name = "orders-${var.environment_suffix}"

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "orders_dlq" {
  name                      = "orders-dlq-${var.environment_suffix}"
  message_retention_seconds = 1209600
}

resource "aws_cloudwatch_metric_alarm" "orders_dlq_messages" {
  alarm_name          = "orders-dlq-messages-${var.environment_suffix}"
  alarm_description   = "Dead-letter queue orders-dlq-${var.environment_suffix} holds more than 0 messages: messages failed processing"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    QueueName = aws_sqs_queue.orders_dlq.name
  }
}

resource "aws_lambda_function" "process_order" {
  function_name = "process-order-${var.environment_suffix}"
  role          = var.lambda_role_arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "build/process_order.zip"

  tags = {
    Team = "orders"
  }
}

resource "aws_cloudwatch_metric_alarm" "process_order_errors" {
  alarm_name          = "process-order-errors-${var.environment_suffix}"
  alarm_description   = "Lambda function process-order-${var.environment_suffix} failed 5 or more times in 5 minutes"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    FunctionName = aws_lambda_function.process_order.function_name
  }

  tags = {
    Team = "orders"
  }
}

resource "aws_cloudwatch_metric_alarm" "process_order_throttles" {
  alarm_name          = "process-order-throttles-${var.environment_suffix}"
  alarm_description   = "Lambda function process-order-${var.environment_suffix} was throttled 1 or more times in 5 minutes"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    FunctionName = aws_lambda_function.process_order.function_name
  }

  tags = {
    Team = "orders"
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api-${var.environment_suffix}"
}

resource "aws_cloudwatch_metric_alarm" "orders_4xx_errors" {
  alarm_name          = "orders-api-4xx-errors-${var.environment_suffix}"
  alarm_description   = "REST API orders-api-${var.environment_suffix} answered 5 percent or more of its requests with a 4XX error (throttling included) in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "4XXError"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0.05
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiName = aws_api_gateway_rest_api.orders.name
  }
}

resource "aws_cloudwatch_metric_alarm" "orders_5xx_errors" {
  alarm_name          = "orders-api-5xx-errors-${var.environment_suffix}"
  alarm_description   = "REST API orders-api-${var.environment_suffix} answered 10 or more requests with a 5XX error in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5XXError"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiName = aws_api_gateway_rest_api.orders.name
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_cloudwatch_metric_alarm" "orders_read_throttles" {
  alarm_name          = "orders-read-throttles-${var.environment_suffix}"
  alarm_description   = "DynamoDB table orders-${var.environment_suffix} throttled 10 or more reads in 5 minutes"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ReadThrottleEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    TableName = aws_dynamodb_table.orders.name
  }
}

resource "aws_cloudwatch_metric_alarm" "orders_write_throttles" {
  alarm_name          = "orders-write-throttles-${var.environment_suffix}"
  alarm_description   = "DynamoDB table orders-${var.environment_suffix} throttled 10 or more writes in 5 minutes"
  namespace           = "AWS/DynamoDB"
  metric_name         = "WriteThrottleEvents"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    TableName = aws_dynamodb_table.orders.name
  }
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"
}
