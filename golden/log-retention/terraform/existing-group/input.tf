# The audit trail's group has been deployed for years: a retention period would delete
# its older events, so setting one is the owner's call (an unsafe fix).
resource "aws_cloudwatch_log_group" "audit" {
  name = "/payments/audit"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/payments/access"
  retention_in_days = 0
}
