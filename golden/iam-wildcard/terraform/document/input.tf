resource "aws_s3_bucket" "reports" {
  bucket_prefix = "reports-"
}

resource "aws_lambda_function" "publisher" {
  function_name = "report-publisher"
  role          = aws_iam_role.publisher.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "publisher.zip"
}

data "aws_iam_policy_document" "publisher" {
  statement {
    sid       = "ReadWriteReports"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
    resources = ["*"]
  }

  statement {
    sid       = "InvokeItself"
    actions   = ["lambda:InvokeFunction"]
    resources = ["*"]
  }

  statement {
    sid       = "FindBuckets"
    actions   = ["s3:ListAllMyBuckets"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "publisher" {
  role   = aws_iam_role.publisher.id
  policy = data.aws_iam_policy_document.publisher.json
}
