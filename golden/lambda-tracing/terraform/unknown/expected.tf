variable "tracing_mode" {
  type    = string
  default = "Active"
}

variable "importer_role_arn" {
  type = string
}

variable "extra_policy_arn" {
  type = string
}

resource "aws_iam_role" "exporter" {
  name = "exporter"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

# The extra policy may grant the X-Ray actions: the detector cannot know.
resource "aws_iam_role_policy_attachment" "exporter_extra" {
  role       = aws_iam_role.exporter.name
  policy_arn = var.extra_policy_arn
}

resource "aws_lambda_function" "exporter" {
  function_name = "exporter"
  role          = aws_iam_role.exporter.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "exporter.zip"

  tracing_config {
    mode = var.tracing_mode
  }
}

resource "aws_lambda_function" "importer" {
  function_name = "importer"
  role          = var.importer_role_arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "importer.zip"

  tracing_config {
    mode = "Active"
  }
}
