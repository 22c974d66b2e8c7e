resource "random_password" "db_master" {
  length  = 40
  special = false
}

resource "random_password" "cache_token" {
  length           = 32
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

data "aws_secretsmanager_random_password" "api_key" {
  password_length     = 32
  exclude_punctuation = true
}

data "aws_secretsmanager_random_password" "admin" {
  password_length    = 48
  exclude_characters = "\"'@/\\ `"
}
