# With --unsafe-fixes, storage encryption and the suffixed name would replace the
# cluster that this run also protects with prevent_destroy: Terraform would refuse to
# plan. The protection is applied; the replacements are reported as needing a migration.
resource "aws_rds_cluster" "ledger" {
  cluster_identifier      = "ledger"
  engine                  = "aurora-postgresql"
  master_username         = "ledger"
  backup_retention_period = 7
  deletion_protection     = true
  copy_tags_to_snapshot   = true
}
