# A replication group and a member cluster added to it: the members' ids of the group are
# derived by AWS (sessions-001, sessions-002), and the added member writes no engine (it is
# the group's), so no memory alarm is added

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "User sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_cluster" "sessions_replica" {
  cluster_id           = "sessions-replica"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}
