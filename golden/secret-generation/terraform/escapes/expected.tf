resource "random_password" "db_master" {
  length           = 32
  override_special = "!#$%^&*"
}

resource "random_password" "legacy" {
  length           = 32
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

data "aws_secretsmanager_random_password" "api_key" {
  password_length    = 32
  exclude_characters = "/@\"\u0060 '\\"
}
