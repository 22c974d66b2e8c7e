# Alias managed by the security account's Terraform.
resource "aws_kms_key" "shared" { # iacfix: ignore[kms-key-alias]
  description = "Shared across accounts"
}
