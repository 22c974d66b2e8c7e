resource "aws_kms_key" "payments" {
  description             = "Payments data key"
  deletion_window_in_days = 30
  enable_key_rotation     = true

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_dynamodb_table" "payments" {
  name         = "payments-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "payment_id"

  attribute {
    name = "payment_id"
    type = "S"
  }

  tags = {
    Service = "payments"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket" "receipts" {
  bucket = "payments-receipts-${var.environment_suffix}"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/payments/api"
  retention_in_days = 30

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_db_instance" "ledger" {
  identifier          = "ledger-${var.environment_suffix}"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  allocated_storage   = 100
  username            = "ledger"
  password            = var.ledger_password
  deletion_protection = true

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [aws_kms_key.payments]
}
