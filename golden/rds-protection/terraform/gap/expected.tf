variable "environment_suffix" {
  type = string
}

resource "aws_db_subnet_group" "payments" {
  name       = "payments-${var.environment_suffix}"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "payments" {
  identifier                      = "payments-${var.environment_suffix}"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 50
  db_name                         = "payments"
  username                        = "payments_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.payments.name
  storage_encrypted               = true
  skip_final_snapshot             = false
  backup_retention_period         = 7
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  auto_minor_version_upgrade      = true

  tags = {
    Team = "payments"
  }
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger-${var.environment_suffix}"
  engine                          = "aurora-mysql"
  engine_version                  = "8.0.mysql_aurora.3.05.2"
  database_name                   = "ledger"
  master_username                 = "ledger_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.payments.name
  storage_encrypted               = true
  backup_retention_period         = 7
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["audit", "error", "general", "slowquery"]

  tags = {
    Team = "payments"
  }
}
