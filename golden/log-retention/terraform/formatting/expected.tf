resource "aws_cloudwatch_log_group" "api_access" {
      name = "/aws/apigateway/payments-access"    # JSON access logs
      # retention decided below? no: see the runbook
      skip_destroy      = true
      retention_in_days = 30
}
resource "aws_cloudwatch_log_group" "flow_logs" {
      name_prefix       = "vpc-flow-"
      retention_in_days = 30
}
resource "aws_cloudwatch_log_group" "empty" {
      retention_in_days = 30
}
