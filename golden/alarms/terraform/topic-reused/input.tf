locals {
  name = "shop-prod"
}

resource "aws_sns_topic" "pager" {
  name = "${local.name}-pager"
}

resource "aws_lambda_function" "checkout" {
  function_name = "${local.name}-checkout"
  role          = var.lambda_role_arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "build/checkout.zip"
}

resource "aws_cloudwatch_metric_alarm" "checkout_errors" {
  alarm_name          = "${local.name}-checkout-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.pager.arn]
  ok_actions          = [aws_sns_topic.pager.arn]

  dimensions = {
    FunctionName = aws_lambda_function.checkout.function_name
  }
}
