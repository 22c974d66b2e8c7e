resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "User sessions"
  engine_version       = var.redis_version
  node_type            = "cache.t4g.small"
  parameter_group_name = var.parameter_group_name
}
