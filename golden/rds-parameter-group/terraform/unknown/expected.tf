# Parameter groups the module is given: whatever they are, they are not the default ones.
resource "aws_db_instance" "orders" {
  engine               = "postgres"
  engine_version       = "15.4"
  instance_class       = "db.t3.micro"
  parameter_group_name = var.parameter_group_name
}

resource "aws_rds_cluster" "ledger" {
  engine                          = "aurora-postgresql"
  engine_version                  = var.engine_version
  db_cluster_parameter_group_name = module.parameters.cluster_group_name
}
