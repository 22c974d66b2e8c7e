variable "environment_suffix" {
  type = string
}

resource "aws_dynamodb_table" "transactions" {
  name         = "transactions-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "transaction_id"

  attribute {
    name = "transaction_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "payment-alerts-${var.environment_suffix}"

  tags = {
    Team        = "payments"
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }
}

resource "aws_iam_role_policy_attachment" "basic" {
  role       = "payments"
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
