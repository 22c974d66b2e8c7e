resource "random_password" "db_master" {
  length  = 16
  special = true
}

data "aws_secretsmanager_random_password" "api_key" {
  password_length = 20
}
