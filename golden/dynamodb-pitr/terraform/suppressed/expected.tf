# Cache table rebuilt from the event store on demand.
# iacfix: ignore[dynamodb-pitr]
resource "aws_dynamodb_table" "cache" {
  name         = "cache"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "key"

  attribute {
    name = "key"
    type = "S"
  }
}
