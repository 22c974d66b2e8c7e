provider "aws" {
  alias  = "prod"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::111122223333:role/deploy"
  }
}

resource "aws_iam_role" "reconciler" {
  provider = aws.prod
  name     = "reconciler"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "reconciler_xray" {
  provider   = aws.prod
  role       = aws_iam_role.reconciler.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_lambda_function" "reconciler" {
  provider      = aws.prod
  function_name = "reconciler"
  role          = aws_iam_role.reconciler.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/reconciler.zip"

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_iam_role_policy_attachment.reconciler_xray]
}
