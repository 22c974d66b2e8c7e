variable "environment_suffix" {
  type = string
}

# Tagged by the account's tag policy.
# iacfix: ignore[required-tags]
resource "aws_sns_topic" "audit" {
  name = "audit-${var.environment_suffix}"
}

resource "aws_s3_bucket" "audit" { # iacfix: ignore
  bucket = "audit-${var.environment_suffix}"
}
