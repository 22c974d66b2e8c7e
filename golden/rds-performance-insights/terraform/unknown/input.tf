variable "db_instance_class" {
  type    = string
  default = "db.t3.micro"
}

resource "aws_db_instance" "reporting" {
  identifier                   = "reporting"
  engine                       = "postgres"
  instance_class               = var.db_instance_class
  allocated_storage            = 20
  performance_insights_enabled = true
}

resource "aws_db_instance" "audit" {
  identifier                   = "audit"
  engine                       = "postgres"
  instance_class               = "db.t3.micro"
  allocated_storage            = 20
  performance_insights_enabled = var.environment == "prod"
}
