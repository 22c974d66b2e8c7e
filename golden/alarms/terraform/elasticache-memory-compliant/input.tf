resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

# watched by a metric query naming the cluster by reference
resource "aws_cloudwatch_metric_alarm" "sessions_memory" {
  alarm_name          = "sessions-memory"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 90

  metric_query {
    id          = "memory"
    return_data = true

    metric {
      namespace   = "AWS/ElastiCache"
      metric_name = "DatabaseMemoryUsagePercentage"
      period      = 60
      stat        = "Average"

      dimensions = {
        CacheClusterId = aws_elasticache_cluster.sessions.cluster_id
      }
    }
  }
}
