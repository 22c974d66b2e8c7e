resource "aws_kms_key" "ledger" {
  description             = "Encrypts the payments ledger"
  deletion_window_in_days = 30
  enable_key_rotation     = false # TODO: enable after the audit
}
