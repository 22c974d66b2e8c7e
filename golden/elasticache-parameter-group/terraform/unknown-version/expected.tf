resource "aws_elasticache_replication_group" "latest" {
  replication_group_id = "latest"
  description          = "No version: AWS picks one"
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_replication_group" "by_variable" {
  replication_group_id = "by-variable"
  description          = "Version from a variable"
  engine_version       = var.redis_version
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_cluster" "no_engine" {
  cluster_id = "no-engine"
  node_type  = "cache.t4g.small"
}

# Cluster mode: its default group is default.redis7.cluster.on.
resource "aws_elasticache_replication_group" "sharded" {
  replication_group_id    = "sharded"
  description             = "Sharded"
  engine_version          = "7.1"
  node_type               = "cache.t4g.small"
  num_node_groups         = 3
  replicas_per_node_group = 1
}
