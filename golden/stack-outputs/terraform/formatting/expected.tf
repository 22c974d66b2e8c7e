resource "aws_db_instance" "main" {
	engine = "postgres"
	instance_class = "db.t4g.micro"
	allocated_storage = 20
}

resource "aws_elasticache_replication_group" "cache" {
	replication_group_id = "cache"
	description = "cache"
	num_node_groups = 3
	replicas_per_node_group = 1
}

output "region" {
	value = "eu-west-1"
}

output "main_db_endpoint" {
	description = "Endpoint address of the main database"
	value       = aws_db_instance.main.address
}

output "cache_endpoint" {
	description = "Configuration endpoint address of the cache"
	value       = aws_elasticache_replication_group.cache.configuration_endpoint_address
}

# the end
