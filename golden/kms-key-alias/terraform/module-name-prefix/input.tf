# The module names its resources after local.name (it may be deployed more than once in
# an account): the new alias is named so too, not a bare "alias/secrets" that a second
# deployment would collide with.
locals {
  name = "ex-${basename(path.cwd)}"
}

resource "aws_kms_key" "secrets" {
  description         = "Secrets of ${local.name}"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "api" {
  name       = "${local.name}-api"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_ssm_parameter" "endpoint" {
  name  = "/${local.name}/endpoint"
  type  = "String"
  value = "https://example.com"
}
