# iacfix: ignore[lambda-limits] -- sized by the platform team's module defaults
resource "aws_lambda_function" "ping" {
  function_name = "ping"
  role          = aws_iam_role.ping.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "build/ping.zip"
}
