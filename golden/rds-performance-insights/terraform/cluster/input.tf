resource "aws_rds_cluster" "orders" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  master_username     = "orders"
  master_password     = var.orders_password
  skip_final_snapshot = true
}

resource "aws_rds_cluster_instance" "orders" {
  count                                 = 2
  identifier                            = "orders-${count.index}"
  cluster_identifier                    = aws_rds_cluster.orders.id
  engine                                = aws_rds_cluster.orders.engine
  instance_class                        = "db.t4g.micro"
  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  performance_insights_kms_key_id       = aws_kms_key.orders.arn
}
