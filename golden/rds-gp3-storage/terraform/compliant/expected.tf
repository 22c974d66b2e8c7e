resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_type      = "gp3"
}

resource "aws_rds_cluster_instance" "ledger" {
  identifier         = "ledger-1"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
