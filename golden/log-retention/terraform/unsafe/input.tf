resource "aws_cloudwatch_log_group" "audit" {
  name              = "/payments/audit"
  retention_in_days = 0 # from the 2019 setup
}
