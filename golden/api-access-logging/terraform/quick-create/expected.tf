resource "aws_apigatewayv2_api" "hello" {
  name          = "hello"
  protocol_type = "HTTP"
  target        = aws_lambda_function.hello.arn
}
