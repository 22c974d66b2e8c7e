variable "concurrency" {
  type    = number
  default = 10
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = aws_iam_role.worker.arn
  runtime                        = "python3.12"
  handler                        = "worker.handler"
  filename                       = "build/worker.zip"
  reserved_concurrent_executions = terraform.workspace == "prod" ? 100 : var.concurrency
}
