# Scratch database for load tests, recreated on every run.
# iacfix: ignore[rds-protection]
resource "aws_db_instance" "loadtest" {
  identifier          = "loadtest"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  username            = "loadtest"
  password            = var.loadtest_password
  skip_final_snapshot = true
}
