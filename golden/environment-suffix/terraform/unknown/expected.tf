variable "table_name" {
  type = string
}

locals {
  prefix = "payments"
}

resource "aws_dynamodb_table" "payments" {
  name         = var.table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_sqs_queue" "payments" {
  name = "${local.prefix}-events"
}

resource "aws_iam_role" "payments" {
  name = format("%s-role", local.prefix)

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}
