variable "environment_suffix" {
  type = string
}

variable "audit_retention_hours" {
  type    = number
  default = 168
}

resource "aws_sns_topic" "alarms" {
  name = "alarms-${var.environment_suffix}"
}

resource "aws_kinesis_stream" "clicks" {
  name        = "clicks-${var.environment_suffix}"
  shard_count = 2
}

resource "aws_kinesis_stream" "orders" {
  name             = "orders-${var.environment_suffix}"
  retention_period = 48

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_kinesis_stream" "audit" {
  name             = "audit-${var.environment_suffix}"
  shard_count      = 1
  retention_period = var.audit_retention_hours
}
