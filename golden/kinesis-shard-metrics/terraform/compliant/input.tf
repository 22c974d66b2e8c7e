resource "aws_kinesis_stream" "clickstream" {
  name                = "clickstream"
  shard_count         = 2
  shard_level_metrics = ["IncomingBytes", "IteratorAgeMilliseconds"]
}
