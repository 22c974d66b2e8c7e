resource "aws_db_instance" "reporting" {
  identifier                            = "reporting-${var.environment_suffix}"
  engine                                = "postgres"
  engine_version                        = "16.3"
  instance_class                        = "db.t3.micro"
  allocated_storage                     = 20
  username                              = "reporting"
  password                              = var.reporting_password
  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  skip_final_snapshot                   = true

  tags = {
    Service = "reporting"
  }
}
