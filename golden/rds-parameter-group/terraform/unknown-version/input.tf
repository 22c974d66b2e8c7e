resource "aws_db_instance" "versioned_by_variable" {
  engine         = "postgres"
  engine_version = var.postgres_version
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "latest" {
  engine         = "mysql"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.latest.identifier
  instance_class      = "db.t3.micro"
}

resource "aws_db_instance" "major_only" {
  engine         = "mysql"
  engine_version = "8"
  instance_class = "db.t3.micro"
}

resource "aws_rds_cluster" "default_engine" {
  master_username = "admin"
}
