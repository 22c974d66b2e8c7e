resource "aws_kinesis_stream" "clicks" {
  name        = "clicks"
  shard_count = 1
}

resource "aws_iam_policy" "clicks_writer" {
  name = "clicks-writer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # Writes to streams of other stacks too.
      # iacfix: ignore[iam-wildcard]
      {
        Effect   = "Allow"
        Action   = ["kinesis:PutRecord", "kinesis:PutRecords"]
        Resource = "*"
      },
    ]
  })
}
