variable "tags" {
  type = map(string)
}

resource "aws_sqs_queue" "results" {
  name = "results"
  tags = var.tags
}

resource "aws_sns_topic" "results" {
  name = "results"
  tags = merge(var.tags, { Component = "results" })
}

resource "aws_dynamodb_table" "results" {
  name         = "results"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  tags = module.labels.tags
}
