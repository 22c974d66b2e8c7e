variable "environment_suffix" {
  type = string
}

resource "aws_iam_role" "order_processor" {
  name = "order-processor-${var.environment_suffix}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "order_processor_xray" {
  role       = aws_iam_role.order_processor.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_iam_role_policy_attachment" "order_processor_logs" {
  role       = aws_iam_role.order_processor.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_lambda_function" "order_processor" {
  function_name = "order-processor-${var.environment_suffix}"
  role          = aws_iam_role.order_processor.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/order_processor.zip"
  timeout       = 30

  environment {
    variables = {
      TABLE_NAME = "orders-${var.environment_suffix}"
    }
  }

  tracing_config {
    mode = "Active"
  }

  tags = {
    Service = "orders"
  }

  depends_on = [aws_iam_role_policy_attachment.order_processor_xray]
}
