/*
 * Queue of pending payouts, shared by the workers.
 */
resource "aws_elasticache_replication_group" "payouts" {
	replication_group_id = "payouts" # fixed name: referenced by the workers
	description = "Pending payouts"
	node_type = "cache.m7g.large"
	replicas_per_node_group = 2 # one per extra AZ
	at_rest_encryption_enabled = true
	transit_encryption_enabled = true
	automatic_failover_enabled = true // decided later
	multi_az_enabled = true
	snapshot_retention_limit = 7

	lifecycle {
		prevent_destroy = true
	}
}
