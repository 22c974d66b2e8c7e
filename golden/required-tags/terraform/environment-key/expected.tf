# The module tags its environment as Env: that is its key for the environment tag. The
# queue counts as tagged with it; the table gets Env, not a second Environment tag.
variable "env" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name = "orders-${var.env}"

  tags = {
    Env       = var.env
    ManagedBy = "terraform"
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.env}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  tags = {
    Env       = var.env
    ManagedBy = "terraform"
  }
}
