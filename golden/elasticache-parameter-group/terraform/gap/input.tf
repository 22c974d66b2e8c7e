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

  tags = {
    Team = "web"
  }
}

resource "aws_elasticache_cluster" "pages" {
  cluster_id      = "pages-${var.environment}"
  engine          = "memcached"
  engine_version  = "1.6.22"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id = "queue-${var.environment}"
  description          = "Job queue"
  engine               = "valkey"
  engine_version       = "7.2"
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_replication_group" "legacy" {
  replication_group_id = "legacy-${var.environment}"
  description          = "Legacy cache"
  engine_version       = "6.2"
  node_type            = "cache.t4g.small"
}
