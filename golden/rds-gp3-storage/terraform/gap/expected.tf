resource "aws_db_instance" "orders" {
  identifier                  = "orders-${var.environment_suffix}"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  storage_type                = "gp3"

  tags = {
    Team = "orders"
  }
}

# a read replica follows its source's storage
resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica-${var.environment_suffix}"
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.t4g.medium"
}

# provisioned IOPS: the owner sized it
resource "aws_db_instance" "ledger" {
  identifier        = "ledger-${var.environment_suffix}"
  engine            = "mysql"
  instance_class    = "db.r6g.large"
  allocated_storage = 400
  iops              = 12000
}

# gp2 above 4,000 GiB has a baseline beyond gp3's
resource "aws_db_instance" "archive" {
  identifier        = "archive-${var.environment_suffix}"
  engine            = "postgres"
  instance_class    = "db.r6g.large"
  allocated_storage = 5000
}

# SQL Server's gp3 stays at 3,000 IOPS at every size
resource "aws_db_instance" "reports" {
  identifier        = "reports-${var.environment_suffix}"
  engine            = "sqlserver-se"
  license_model     = "license-included"
  instance_class    = "db.m6i.xlarge"
  allocated_storage = 2000
  storage_type      = "gp2"
}

resource "aws_db_instance" "events" {
  identifier        = "events-${var.environment_suffix}"
  engine            = "mariadb"
  instance_class    = "db.t4g.small"
  allocated_storage = var.events_storage
  storage_type      = var.events_storage_type
}
