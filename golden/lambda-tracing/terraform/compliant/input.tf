resource "aws_iam_role" "ingest" {
  name               = "ingest"
  assume_role_policy = data.aws_iam_policy_document.assume.json
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

data "aws_iam_policy_document" "ingest" {
  statement {
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "ingest" {
  role   = aws_iam_role.ingest.id
  policy = data.aws_iam_policy_document.ingest.json
}

resource "aws_lambda_function" "ingest" {
  function_name = "ingest"
  role          = aws_iam_role.ingest.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "ingest.zip"

  tracing_config {
    mode = "Active"
  }
}

resource "aws_iam_role" "report" {
  name = "report"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

data "aws_iam_policy" "xray" {
  name = "AWSXrayWriteOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "report_xray" {
  role       = aws_iam_role.report.name
  policy_arn = data.aws_iam_policy.xray.arn
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  role          = aws_iam_role.report.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "report.zip"

  tracing_config {
    mode = "Active"
  }
}
