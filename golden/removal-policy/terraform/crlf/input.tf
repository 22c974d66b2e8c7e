resource "aws_s3_bucket" "receipts" {
  bucket = "payments-receipts"
}

resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  allocated_storage = 100

  lifecycle {
    ignore_changes = [password]
  }
}
