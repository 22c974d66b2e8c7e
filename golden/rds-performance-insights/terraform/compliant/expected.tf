resource "aws_db_instance" "reporting" {
  identifier                            = "reporting-${var.environment_suffix}"
  engine                                = "postgres"
  instance_class                        = "db.t3.medium"
  allocated_storage                     = 20
  username                              = "reporting"
  password                              = var.reporting_password
  performance_insights_enabled          = true
  performance_insights_retention_period = 7
}

resource "aws_db_instance" "scratch" {
  identifier                   = "scratch-${var.environment_suffix}"
  engine                       = "postgres"
  instance_class               = "db.t3.micro"
  allocated_storage            = 20
  username                     = "scratch"
  password                     = var.scratch_password
  performance_insights_enabled = false
}
