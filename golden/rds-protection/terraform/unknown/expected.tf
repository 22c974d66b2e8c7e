variable "engine" {
  type    = string
  default = "postgres"
}

variable "protect" {
  type    = bool
  default = true
}

variable "backup_days" {
  type    = number
  default = 7
}

resource "aws_db_instance" "analytics" {
  identifier                  = "analytics"
  engine                      = var.engine
  instance_class              = "db.r6g.large"
  allocated_storage           = 200
  username                    = "analytics"
  manage_master_user_password = true
  storage_encrypted           = var.protect
  deletion_protection         = var.protect
  backup_retention_period     = var.backup_days
  copy_tags_to_snapshot       = var.protect
  auto_minor_version_upgrade  = var.protect
}

resource "aws_db_instance" "legacy" {
  identifier                  = "legacy"
  engine                      = "sqlserver-se"
  license_model               = "license-included"
  instance_class              = "db.m5.xlarge"
  allocated_storage           = 200
  username                    = "legacy"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
  backup_retention_period     = 7
  copy_tags_to_snapshot       = true
  auto_minor_version_upgrade  = true
}
