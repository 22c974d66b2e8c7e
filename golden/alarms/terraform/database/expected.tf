variable "environment_suffix" {
  type = string
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"
}

resource "aws_db_instance" "reports" {
  identifier                  = "reports-${var.environment_suffix}"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "reports"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
}

resource "aws_cloudwatch_metric_alarm" "reports_cpu" {
  alarm_name          = "reports-cpu-${var.environment_suffix}"
  alarm_description   = "DB instance reports-${var.environment_suffix} used more than 80 percent of its CPU on average for 5 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.reports.identifier
  }
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders-${var.environment_suffix}"
  engine                      = "aurora-postgresql"
  engine_version              = "16.2"
  master_username             = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
}

resource "aws_rds_cluster_instance" "orders_writer" {
  identifier         = "orders-writer-${var.environment_suffix}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
}

resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name          = "orders-cpu-${var.environment_suffix}"
  alarm_description   = "DB cluster orders-${var.environment_suffix} used more than 80 percent of its CPU on average for 5 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    DBClusterIdentifier = aws_rds_cluster.orders.cluster_identifier
  }
}

resource "aws_cloudwatch_metric_alarm" "legacy_cpu" {
  alarm_name          = "legacy-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 90
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    DBInstanceIdentifier = "legacy"
  }
}
