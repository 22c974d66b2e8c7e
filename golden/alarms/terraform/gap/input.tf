variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  name = "orders-${var.environment_suffix}"

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 3
  })
}

resource "aws_sqs_queue" "orders_dlq" {
  name                      = "orders-dlq-${var.environment_suffix}"
  message_retention_seconds = 1209600
}

resource "aws_lambda_function" "process_order" {
  function_name = "process-order-${var.environment_suffix}"
  role          = var.lambda_role_arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "build/process_order.zip"

  tags = {
    Team = "orders"
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api-${var.environment_suffix}"
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
