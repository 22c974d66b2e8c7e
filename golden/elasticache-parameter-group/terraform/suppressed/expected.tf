# A throwaway cache for load tests.
resource "aws_elasticache_cluster" "scratch" { # iacfix: ignore[elasticache-parameter-group]
  cluster_id      = "scratch"
  engine          = "memcached"
  engine_version  = "1.6.22"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
}
