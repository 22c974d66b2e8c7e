resource "random_password" "db_master" {
  length  = 16
  special = true
}

resource "aws_db_instance" "ledger" {
  identifier        = "ledger"
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  allocated_storage = 100
  username          = "ledger"
  password          = random_password.db_master.result
}

data "aws_secretsmanager_random_password" "api_key" {
  password_length = 20
}

resource "aws_secretsmanager_secret_version" "api_key" {
  secret_id     = aws_secretsmanager_secret.api_key.id
  secret_string = data.aws_secretsmanager_random_password.api_key.random_password

  lifecycle {
    ignore_changes = [secret_string]
  }
}
