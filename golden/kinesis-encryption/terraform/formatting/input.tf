resource "aws_kinesis_stream" "audit" { # append-only audit trail
	name = "audit"
	stream_mode_details { stream_mode = "ON_DEMAND" }
	# retention: default until the replay tool exists
}

resource "aws_kinesis_stream" "orders" {
	name            = "orders"
	shard_count     = 1     # one producer
	encryption_type = "KMS" # key below
}
