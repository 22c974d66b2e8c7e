# The default group is fine for this scratch database.
resource "aws_db_instance" "scratch" { # iacfix: ignore[rds-parameter-group]
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = "db.t3.micro"
}
