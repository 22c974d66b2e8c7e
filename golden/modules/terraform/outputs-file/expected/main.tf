resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sns_topic" "order_events" {
  name = "order-events"
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

output "table_name" {
  value = aws_dynamodb_table.orders.name
}
