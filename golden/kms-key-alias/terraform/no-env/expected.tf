resource "aws_kms_key" "audit_logs" {
  description = "CloudTrail audit logs"
}

resource "aws_kms_alias" "audit_logs" {
  name          = "alias/audit-logs"
  target_key_id = aws_kms_key.audit_logs.key_id
}
