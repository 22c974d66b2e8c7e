variable "environment_suffix" {
  type = string
}

resource "aws_db_subnet_group" "payments" {
  name       = "payments-${var.environment_suffix}"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "payments" {
  # checkov:skip=CKV_AWS_16:Encrypted by the snapshot-restore migration planned for Q3 (DBA-88)
  identifier                      = "payments-${var.environment_suffix}"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 50
  db_name                         = "payments"
  username                        = "payments_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.payments.name
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
