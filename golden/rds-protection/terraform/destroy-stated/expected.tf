# A scratch database: skip_final_snapshot says it goes with the stack, so no deletion protection.
resource "aws_db_instance" "d" {
  identifier = "d-${var.env}"
  engine = "postgres"
  skip_final_snapshot = true
  backup_retention_period = 7
  copy_tags_to_snapshot = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  auto_minor_version_upgrade = true
  deletion_protection = false
}
