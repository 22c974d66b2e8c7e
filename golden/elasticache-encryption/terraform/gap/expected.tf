variable "environment_suffix" {
  type = string
}

resource "aws_elasticache_subnet_group" "sessions" {
  name       = "sessions-${var.environment_suffix}"
  subnet_ids = var.private_subnet_ids
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions-${var.environment_suffix}"
  description          = "Checkout session store"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.t4g.medium"
  num_cache_clusters   = 2
  port                 = 6379
  parameter_group_name = "default.redis7"
  subnet_group_name    = aws_elasticache_subnet_group.sessions.name
  security_group_ids   = [aws_security_group.cache.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.cache_auth_token
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 7

  tags = {
    Team = "checkout"
  }
}

resource "aws_elasticache_replication_group" "rate_limits" {
  replication_group_id = "rate-limits-${var.environment_suffix}"
  description          = "API rate limit counters"
  engine               = "valkey"
  node_type            = "cache.t4g.small"
  subnet_group_name    = aws_elasticache_subnet_group.sessions.name

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 7
}
