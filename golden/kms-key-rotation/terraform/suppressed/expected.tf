# Rotation is done by re-encrypting under a new key every quarter (runbook RB-12).
resource "aws_kms_key" "archive" { # iacfix: ignore[kms-key-rotation]
  description = "Archive encryption"
}
