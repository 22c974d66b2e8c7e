resource "aws_db_instance" "reporting" {
  identifier                            = "reporting"
  engine                                = "postgres"
  instance_class                        = "db.t3.micro"
  allocated_storage                     = 20
  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  performance_insights_kms_key_id       = aws_kms_key.pi.arn
}
