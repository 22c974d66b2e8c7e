resource "aws_rds_cluster" "ledger" {
  cluster_identifier  = "ledger"
  engine              = "aurora-postgresql"
  master_username     = "ledger"
  master_password     = var.ledger_password
  skip_final_snapshot = false

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [master_password]
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "ledger-exports"

  lifecycle { ignore_changes = [tags] }
}
