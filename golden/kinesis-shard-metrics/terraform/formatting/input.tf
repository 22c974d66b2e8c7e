resource "aws_kinesis_stream" "audit" { # append-only audit trail
	name = "audit"
	stream_mode_details { stream_mode = "ON_DEMAND" }
	# metrics: see the dashboard module
}

resource "aws_kinesis_stream" "orders" {
	name        = "orders"
	shard_count = 1 # one producer
	lifecycle {
		ignore_changes = [shard_count]
	}
}
