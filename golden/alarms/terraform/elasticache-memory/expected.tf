variable "environment_suffix" {
  type = string
}

resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions-${var.environment_suffix}"
  engine          = "redis"
  engine_version  = "7.1"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1

  tags = {
    Team = "web"
  }
}

resource "aws_cloudwatch_metric_alarm" "sessions_memory" {
  alarm_name          = "sessions-memory-${var.environment_suffix}"
  alarm_description   = "ElastiCache Redis cluster sessions-${var.environment_suffix} used more than 80 percent of its memory on average for 5 minutes"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]

  dimensions = {
    CacheClusterId = aws_elasticache_cluster.sessions.cluster_id
  }

  tags = {
    Team = "web"
  }
}

resource "aws_elasticache_cluster" "pages" {
  cluster_id      = "pages-${var.environment_suffix}"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"

  tags = {
    Team = "web"
  }
}
