resource "random_password" "db_master" {
  length           = var.password_length
  override_special = var.password_specials
}

resource "random_password" "token" {
  length  = 32
  special = var.allow_specials
}

data "aws_secretsmanager_random_password" "api_key" {
  password_length    = local.key_length
  exclude_characters = "${local.forbidden}/@"
}
