resource "aws_db_instance" "orders" {
  identifier                  = "orders-${var.environment_suffix}"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders_admin"
  manage_master_user_password = true
  backup_retention_period     = 7

  tags = {
    Team = "orders"
  }
}

# a read replica: backups are its source's
resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica-${var.environment_suffix}"
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.t4g.medium"
}

# no automated backups: no backup window to choose
resource "aws_db_instance" "scratch" {
  identifier              = "scratch-${var.environment_suffix}"
  engine                  = "mysql"
  instance_class          = "db.t4g.small"
  allocated_storage       = 20
  backup_retention_period = 0
  maintenance_window      = "sat:22:00-sat:23:00"
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger-${var.environment_suffix}"
  engine                      = "aurora-postgresql"
  engine_version              = "16.4"
  master_username             = "ledger_admin"
  manage_master_user_password = true
  preferred_backup_window     = "01:00-02:00"
}

# the cluster's windows govern its instances
resource "aws_rds_cluster_instance" "ledger" {
  identifier         = "ledger-1-${var.environment_suffix}"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}

# its backup window meets the configured maintenance window: RDS would reject both
resource "aws_rds_cluster" "events" {
  cluster_identifier          = "events-${var.environment_suffix}"
  engine                      = "aurora-mysql"
  master_username             = "events_admin"
  manage_master_user_password = true
  preferred_backup_window     = "03:45-04:15"
}
