variable "environment_suffix" {
  type = string
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"
  range_key    = "created_at"

  attribute {
    name = "order_id"
    type = "S"
  }

  attribute {
    name = "created_at"
    type = "N"
  }

  server_side_encryption {
    enabled = true
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = {
    Team = "orders"
  }
}
