variable "reader_actions" {
  type = list(string)
}

variable "table_arns" {
  type = list(string)
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_iam_policy" "reader" {
  name = "sessions-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = var.reader_actions
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem"]
        Resource = var.table_arns
      },
    ]
  })
}

resource "aws_iam_policy" "external" {
  name   = "external"
  policy = file("${path.module}/policies/external.json")
}
