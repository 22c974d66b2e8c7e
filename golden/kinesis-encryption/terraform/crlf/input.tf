variable "environment_suffix" {
  type = string
}

resource "aws_kinesis_stream" "clickstream" {
  name                = "clickstream-${var.environment_suffix}"
  shard_count         = 2
  shard_level_metrics = ["IncomingBytes", "OutgoingBytes"]

  stream_mode_details {
    stream_mode = "PROVISIONED"
  }

  tags = {
    Team = "analytics"
  }
}
