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

# the end
