resource "aws_iam_role" "resizer" {
  name = "resizer"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "resizer_xray" {
  role       = aws_iam_role.resizer.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_lambda_function" "resizer" {
  function_name = "resizer"
  role          = aws_iam_role.resizer.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "resizer.zip"

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_iam_role_policy_attachment.resizer_xray]
}
