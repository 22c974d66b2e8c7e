variable "timeout" {
  type = number
}

variable "memory" {
  type = map(number)
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  runtime       = "python3.12"
  handler       = "worker.handler"
  filename      = "build/worker.zip"
  timeout       = var.timeout
  memory_size   = lookup(var.memory, terraform.workspace, 512)
}
