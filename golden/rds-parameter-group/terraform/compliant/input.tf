resource "aws_db_parameter_group" "orders" {
  name   = "orders"
  family = "postgres15"
}

resource "aws_db_instance" "orders" {
  engine               = "postgres"
  engine_version       = "15.4"
  instance_class       = "db.t3.micro"
  parameter_group_name = aws_db_parameter_group.orders.name
}

resource "aws_rds_cluster" "ledger" {
  engine                          = "aurora-postgresql"
  engine_version                  = "15.4"
  db_cluster_parameter_group_name = var.cluster_parameter_group
}

# An Aurora cluster's instance: the cluster's parameter group governs it.
resource "aws_rds_cluster_instance" "ledger" {
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
