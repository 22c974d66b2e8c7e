resource "aws_db_instance" "reporting" {
  identifier                   = "reporting"
  engine                       = "postgres"
  instance_class               = "db.t3.micro"
  allocated_storage            = 20
  performance_insights_enabled = false
}
