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

resource "aws_elasticache_cluster" "pages" {
  cluster_id      = "pages-${var.environment_suffix}"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
