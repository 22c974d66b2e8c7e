variable "environment_suffix" {
  description = "Suffix appended to resource names, e.g. dev or pr-123"
  type        = string
}

resource "aws_kms_key" "payments" {
  description             = "Encrypts payment records at rest"
  deletion_window_in_days = 7
  enable_key_rotation     = true
}

resource "aws_s3_bucket" "receipts" {
  bucket = "receipts-${var.environment_suffix}"
}
