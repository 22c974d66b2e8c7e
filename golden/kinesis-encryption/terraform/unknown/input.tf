variable "stream_encryption" {
  type    = string
  default = "KMS"
}

resource "aws_kinesis_stream" "clickstream" {
  name             = "clickstream"
  shard_count      = 2
  retention_period = var.retention_hours
  encryption_type  = var.stream_encryption
}
