resource "aws_kinesis_stream" "quotes" { # iacfix: ignore[IAC015]
  name        = "quotes"
  shard_count = 4
}
