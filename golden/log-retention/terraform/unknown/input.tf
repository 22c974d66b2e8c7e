locals {
  retention = {
    prod    = 365
    default = 30
  }
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/aws/lambda/worker"
  retention_in_days = lookup(local.retention, terraform.workspace, local.retention.default)
}
