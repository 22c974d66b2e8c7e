variable "tenants" {
  type = set(string)
}

resource "aws_sqs_queue" "tenant" {
  for_each = var.tenants
  name     = "tenant-${each.key}"
}

resource "aws_dynamodb_table" "shard" {
  count        = 2
  name         = "shard-${count.index}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
