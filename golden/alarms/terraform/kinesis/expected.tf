variable "environment_suffix" {
  type = string
}

variable "audit_retention_hours" {
  type    = number
  default = 168
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"
}

resource "aws_kinesis_stream" "clicks" {
  name        = "clicks-${var.environment_suffix}"
  shard_count = 2
}

resource "aws_cloudwatch_metric_alarm" "clicks_iterator_age" {
  alarm_name          = "clicks-iterator-age-${var.environment_suffix}"
  alarm_description   = "Kinesis stream clicks-${var.environment_suffix} has unread records 12 hours old, 50 percent of its 24-hour retention, after which they expire"
  namespace           = "AWS/Kinesis"
  metric_name         = "GetRecords.IteratorAgeMilliseconds"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 43200000
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    StreamName = aws_kinesis_stream.clicks.name
  }
}

resource "aws_kinesis_stream" "orders" {
  name             = "orders-${var.environment_suffix}"
  retention_period = 48

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_cloudwatch_metric_alarm" "orders_iterator_age" {
  alarm_name          = "orders-iterator-age-${var.environment_suffix}"
  alarm_description   = "Kinesis stream orders-${var.environment_suffix} has unread records 24 hours old, 50 percent of its 48-hour retention, after which they expire"
  namespace           = "AWS/Kinesis"
  metric_name         = "GetRecords.IteratorAgeMilliseconds"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 86400000
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    StreamName = aws_kinesis_stream.orders.name
  }
}

resource "aws_kinesis_stream" "audit" {
  name             = "audit-${var.environment_suffix}"
  shard_count      = 1
  retention_period = var.audit_retention_hours
}
