# Public market data, replayed from the vendor: neither secret nor worth keeping.
# iacfix: ignore[kinesis-encryption]
resource "aws_kinesis_stream" "quotes" {
  name        = "quotes"
  shard_count = 4
}
