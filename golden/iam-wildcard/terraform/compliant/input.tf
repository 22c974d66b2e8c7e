resource "aws_kms_key" "data" {
  description = "data"

  # A key policy: "*" is the key itself.
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_iam_policy" "alerts" {
  name = "alerts-publisher"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "sns:Publish"
        Resource = aws_sns_topic.alerts.arn
      },
      {
        Effect   = "Deny"
        Action   = "sns:DeleteTopic"
        Resource = "*"
      },
      {
        Effect    = "Allow"
        NotAction = "iam:*"
        Resource  = "arn:aws:sns:eu-west-1:123456789012:*"
      },
    ]
  })
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "kms" {
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.data.arn]
  }
}
