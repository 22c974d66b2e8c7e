# Two insertions into one aligned run: the longer name realigns the run, and the
# other line must be aligned with the result, not with the run as it was.
resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger"
  engine                          = "aurora-postgresql"
  master_username                 = "ledger"
  storage_encrypted               = true
  backup_retention_period         = 7
  deletion_protection             = true
  copy_tags_to_snapshot           = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
