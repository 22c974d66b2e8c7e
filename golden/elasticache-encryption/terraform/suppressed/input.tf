# Throwaway cache for the nightly load test; rebuilt every run.
resource "aws_elasticache_replication_group" "loadtest" { # iacfix: ignore[elasticache-encryption]
  replication_group_id = "loadtest"
  description          = "Load test cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}
