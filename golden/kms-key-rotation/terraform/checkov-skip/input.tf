variable "environment_suffix" {
  type = string
}

resource "aws_kms_key" "ledger" {
  #checkov:skip=CKV_AWS_7:Rotation is done by re-encrypting under a new key every quarter (runbook RB-12)
  description             = "Encrypts the payments ledger"
  deletion_window_in_days = 30

  tags = {
    Team = "payments"
  }
}

/*
  The archive key is replaced with the archive itself; rotating it would only add key versions.
  iacfix: ignore[CKV_AWS_7]
*/
resource "aws_kms_key" "archive" {
  description = "Encrypts the payments archive # not a comment"
}

resource "aws_kms_alias" "ledger" {
  name          = "alias/ledger-${var.environment_suffix}"
  target_key_id = aws_kms_key.ledger.key_id
}
