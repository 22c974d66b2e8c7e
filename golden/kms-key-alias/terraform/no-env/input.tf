resource "aws_kms_key" "audit_logs" {
  description = "CloudTrail audit logs"
}
