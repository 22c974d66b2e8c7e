resource "aws_s3_bucket" "receipts" {
  bucket = "payments-receipts"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_dynamodb_table" "cache" {
  name         = "payments-cache"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "key"

  attribute {
    name = "key"
    type = "S"
  }

  lifecycle {
    prevent_destroy = false
  }
}

resource "aws_cloudwatch_log_group" "api" {
  name         = "/payments/api"
  skip_destroy = true
}

resource "aws_sqs_queue" "jobs" {
  name = "payments-jobs"
}
