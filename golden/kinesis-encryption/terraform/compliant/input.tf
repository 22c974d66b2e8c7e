resource "aws_kms_key" "streams" {
  description         = "Stream encryption"
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "clickstream" {
  name             = "clickstream"
  shard_count      = 2
  retention_period = 48
  encryption_type  = "KMS"
  kms_key_id       = aws_kms_key.streams.arn
}
