variable "replicas" {
  type    = number
  default = 2
}

variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_elasticache_replication_group" "feeds" {
  replication_group_id       = "feeds"
  description                = "Feed cache"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = var.replicas
  at_rest_encryption_enabled = var.encrypted
  transit_encryption_enabled = var.encrypted
  snapshot_retention_limit   = var.replicas > 1 ? 7 : 1
}

resource "aws_elasticache_replication_group" "search" {
  replication_group_id       = "search"
  description                = "Search cache, cluster mode"
  node_type                  = "cache.r7g.large"
  num_node_groups            = 4
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 7
}
