resource "aws_iam_role" "thumbnailer" {
  name = "thumbnailer"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

# Tracing costs more than the function for this one.
# iacfix: ignore[lambda-tracing]
resource "aws_lambda_function" "thumbnailer" {
  function_name = "thumbnailer"
  role          = aws_iam_role.thumbnailer.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "thumbnailer.zip"
}
