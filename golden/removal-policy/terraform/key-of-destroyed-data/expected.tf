# The secret is deleted at once on destroy (no recovery window): the key that encrypts it
# goes with it, so it is not asked to be kept. The audit key encrypts nothing stated to
# go: it is.
resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "api" {
  name                    = "api-credentials"
  recovery_window_in_days = 0
  kms_key_id              = aws_kms_key.secrets.arn
}

resource "aws_kms_key" "audit" {
  enable_key_rotation = true

  lifecycle {
    prevent_destroy = true
  }
}
