resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "mysql"
  engine_version                  = "8.0.39"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "orders_admin"
  manage_master_user_password     = true
  storage_encrypted               = true
  backup_retention_period         = 14
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
  auto_minor_version_upgrade      = false # pinned: vendor certification
}

resource "aws_rds_cluster" "reporting" {
  cluster_identifier              = "reporting"
  engine                          = "aurora-postgresql"
  master_username                 = "reporting_admin"
  manage_master_user_password     = true
  storage_encrypted               = true
  backup_retention_period         = 7
  copy_tags_to_snapshot           = false
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_rds_cluster_instance" "reporting" {
  count                      = 2
  identifier                 = "reporting-${count.index}"
  cluster_identifier         = aws_rds_cluster.reporting.id
  instance_class             = "db.r6g.large"
  engine                     = aws_rds_cluster.reporting.engine
  auto_minor_version_upgrade = true
}
