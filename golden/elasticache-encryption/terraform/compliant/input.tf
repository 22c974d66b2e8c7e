resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "Session store"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 3
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 35
}

resource "aws_elasticache_replication_group" "catalog" {
  replication_group_id       = "catalog"
  description                = "Catalog cache, cluster mode"
  engine                     = "valkey"
  node_type                  = "cache.r7g.large"
  num_node_groups            = 3
  replicas_per_node_group    = 1
  at_rest_encryption_enabled = "true"
  transit_encryption_enabled = true
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 1
}

# One node: nothing to fail over to.
resource "aws_elasticache_replication_group" "scratch" {
  replication_group_id       = "scratch"
  description                = "Scratch cache"
  node_type                  = "cache.t4g.micro"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 1
}
