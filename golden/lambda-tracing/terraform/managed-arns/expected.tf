resource "aws_iam_role" "scorer" {
  name = "scorer"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
  ]
}

resource "aws_lambda_function" "scorer" {
  function_name = "scorer"
  role          = aws_iam_role.scorer.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "scorer.zip"

  tracing_config {
    mode = "Active"
  }
}
