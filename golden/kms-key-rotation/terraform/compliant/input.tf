resource "aws_kms_key" "ledger" {
  description             = "Encrypts the payments ledger"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

resource "aws_kms_alias" "ledger" {
  name          = "alias/ledger"
  target_key_id = aws_kms_key.ledger.key_id
}
