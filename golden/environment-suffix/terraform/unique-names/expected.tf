variable "environment_suffix" {
  type = string
}

resource "aws_lb" "api" {
  name               = "orders-api-${var.environment_suffix}"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids
}

# 30 characters: with "-dev" it would pass the 32-character limit of target groups.
resource "aws_lb_target_group" "api" {
  name     = "orders-api-blue-green-targets1"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "orders-api-5xx-${var.environment_suffix}"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  metric_name         = "HTTPCode_Target_5XX_Count"
  namespace           = "AWS/ApplicationELB"
  period              = 300
  statistic           = "Sum"
  threshold           = 10
}
