resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue" "refunds" {
  name = "refunds"
}

resource "aws_iam_role_policy" "consumer" {
  role = aws_iam_role.consumer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sns:Publish"]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "legacy" {
  role   = aws_iam_role.consumer.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"}
  ]
}
EOF
}
