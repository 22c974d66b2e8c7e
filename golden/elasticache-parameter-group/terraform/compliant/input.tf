resource "aws_elasticache_parameter_group" "sessions" {
  name   = "sessions"
  family = "redis7"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "User sessions"
  engine_version       = "7.1"
  node_type            = "cache.t4g.small"
  parameter_group_name = aws_elasticache_parameter_group.sessions.name
}

# A member of the replication group: the group's parameter group is its own.
resource "aws_elasticache_cluster" "replica" {
  cluster_id           = "sessions-replica"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}

# A secondary of a global datastore: the datastore's primary governs its parameters.
resource "aws_elasticache_replication_group" "secondary" {
  replication_group_id        = "sessions-secondary"
  description                 = "User sessions, second region"
  global_replication_group_id = "ldgnf-sessions"
}
