provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_kms_key" "alarms" {
  provider    = aws.eu
  description = "Encrypts the alarm topic"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Account"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchPublishes"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_apigatewayv2_api" "public" {
  provider      = aws.eu
  name          = "public"
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_metric_alarm" "public_4xx_errors" {
  provider            = aws.eu
  alarm_name          = "public-4xx-errors"
  alarm_description   = "HTTP API public answered 5 percent or more of its requests with a 4xx error (throttling included) in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "4xx"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0.05
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiId = aws_apigatewayv2_api.public.id
  }
}

resource "aws_cloudwatch_metric_alarm" "public_5xx_errors" {
  provider            = aws.eu
  alarm_name          = "public-5xx-errors"
  alarm_description   = "HTTP API public answered 10 or more requests with a 5xx error in 5 minutes"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    ApiId = aws_apigatewayv2_api.public.id
  }
}

resource "aws_apigatewayv2_api" "chat" {
  name          = "chat"
  protocol_type = "WEBSOCKET"
}

resource "aws_sns_topic" "alarms" {
  provider          = aws.eu
  name              = "alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
}
