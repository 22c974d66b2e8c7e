variable "environment_suffix" {
  type = string
}

resource "aws_kms_key" "ledger" {
  description             = "Encrypts the payments ledger"
  deletion_window_in_days = 30

  tags = {
    Team = "payments"
  }
}

resource "aws_kms_alias" "ledger" {
  name          = "alias/ledger-${var.environment_suffix}"
  target_key_id = aws_kms_key.ledger.key_id
}
