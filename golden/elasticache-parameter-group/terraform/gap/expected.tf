variable "environment" {
  type = string
}

resource "aws_elasticache_replication_group" "sessions" {
  provider             = aws.eu
  replication_group_id = "sessions-${var.environment}"
  description          = "User sessions"
  engine_version       = "7.1"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  parameter_group_name = aws_elasticache_parameter_group.sessions.name

  tags = {
    Team = "web"
  }
}

resource "aws_elasticache_parameter_group" "sessions" {
  provider    = aws.eu
  name        = "sessions-params-${var.environment}"
  family      = "redis7"
  description = "redis7 parameters of sessions"

  tags = {
    Team = "web"
  }
}

resource "aws_elasticache_cluster" "pages" {
  cluster_id           = "pages-${var.environment}"
  engine               = "memcached"
  engine_version       = "1.6.22"
  node_type            = "cache.t4g.small"
  num_cache_nodes      = 2
  parameter_group_name = aws_elasticache_parameter_group.pages.name
}

resource "aws_elasticache_parameter_group" "pages" {
  name        = "pages-params-${var.environment}"
  family      = "memcached1.6"
  description = "memcached1.6 parameters of pages"
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id = "queue-${var.environment}"
  description          = "Job queue"
  engine               = "valkey"
  engine_version       = "7.2"
  node_type            = "cache.t4g.small"
  parameter_group_name = aws_elasticache_parameter_group.queue.name
}

resource "aws_elasticache_parameter_group" "queue" {
  name        = "queue-params-${var.environment}"
  family      = "valkey7"
  description = "valkey7 parameters of queue"
}

resource "aws_elasticache_replication_group" "legacy" {
  replication_group_id = "legacy-${var.environment}"
  description          = "Legacy cache"
  engine_version       = "6.2"
  node_type            = "cache.t4g.small"
  parameter_group_name = aws_elasticache_parameter_group.legacy.name
}

resource "aws_elasticache_parameter_group" "legacy" {
  name        = "legacy-params-${var.environment}"
  family      = "redis6.x"
  description = "redis6.x parameters of legacy"
}
