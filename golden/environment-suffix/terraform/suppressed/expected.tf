variable "environment_suffix" {
  type = string
}

# One bucket shared by every environment, on purpose.
resource "aws_s3_bucket" "artifacts" { # iacfix: ignore[IAC024]
  bucket = "acme-build-artifacts"
}

resource "aws_sqs_queue" "builds" {
  name = "builds-${var.environment_suffix}"
}
