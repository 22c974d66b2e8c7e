variable "key_id" {
  type = string
}

resource "aws_kms_key" "reports" {
  description = "Reports"
}

# Target read from a variable: this might be the alias of the key above.
resource "aws_kms_alias" "reports" {
  name          = "alias/reports"
  target_key_id = var.key_id
}
