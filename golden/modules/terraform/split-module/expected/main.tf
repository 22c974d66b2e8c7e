provider "aws" {
  region = var.region
}

resource "aws_lambda_function" "worker" {
  function_name = "worker-${var.environment_suffix}"
  role          = aws_iam_role.worker.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"

  tracing_config {
    mode = "Active"
  }

  tags = {
    Environment = var.environment_suffix
    ManagedBy   = "terraform"
  }

  depends_on = [aws_iam_role_policy_attachment.worker_xray]
}
