resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "mysql"
  engine_version              = "8.0.39"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = false
  backup_retention_period     = 0
  deletion_protection         = false
  copy_tags_to_snapshot       = true
  auto_minor_version_upgrade  = true
}

resource "aws_rds_cluster" "inventory" {
  cluster_identifier          = "inventory"
  engine                      = "aurora-postgresql"
  master_username             = "inventory_admin"
  manage_master_user_password = true
  backup_retention_period     = 1
  deletion_protection         = true
  copy_tags_to_snapshot       = true
}
