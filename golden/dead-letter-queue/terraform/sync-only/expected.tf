resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = var.role_arn
  runtime       = "python3.12"
  handler       = "api.handler"
  filename      = "api.zip"
}

resource "aws_apigatewayv2_integration" "api" {
  api_id                 = var.api_id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.api.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function" "consumer" {
  function_name = "consumer"
  role          = var.role_arn
  runtime       = "python3.12"
  handler       = "consumer.handler"
  filename      = "consumer.zip"
}

resource "aws_lambda_event_source_mapping" "consumer" {
  event_source_arn = var.orders_queue_arn
  function_name    = aws_lambda_function.consumer.arn
}
