variable "environment_suffix" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier           = "orders-${var.environment_suffix}"
  engine               = "postgres"
  engine_version       = "15.4"
  instance_class       = "db.t3.micro"
  parameter_group_name = aws_db_parameter_group.orders.name

  tags = {
    Team = "payments"
  }
}

resource "aws_db_parameter_group" "orders" {
  name        = "orders-params-${var.environment_suffix}"
  family      = "postgres15"
  description = "postgres15 parameters of orders"

  tags = {
    Team = "payments"
  }
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger-${var.environment_suffix}"
  engine                          = "aurora-mysql"
  engine_version                  = "8.0.mysql_aurora.3.05.2"
  master_username                 = "admin"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.ledger.name
}

resource "aws_rds_cluster_parameter_group" "ledger" {
  name        = "ledger-params-${var.environment_suffix}"
  family      = "aurora-mysql8.0"
  description = "aurora-mysql8.0 parameters of ledger"
}

resource "aws_rds_cluster_instance" "ledger" {
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}

# No identifier: named after the label, with the environment suffix.
resource "aws_db_instance" "audit_log" {
  engine               = "mariadb"
  engine_version       = "10.6.14"
  instance_class       = "db.t3.micro"
  parameter_group_name = aws_db_parameter_group.audit_log.name
}

resource "aws_db_parameter_group" "audit_log" {
  name        = "audit-log-params-${var.environment_suffix}"
  family      = "mariadb10.6"
  description = "mariadb10.6 parameters of audit_log"
}
