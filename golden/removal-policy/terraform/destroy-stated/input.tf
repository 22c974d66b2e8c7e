# Scratch resources: the author says they go with the stack. prevent_destroy here
# would contradict force_destroy / skip_final_snapshot, so only "reports" is fixed.
resource "aws_s3_bucket" "build_cache" {
  bucket        = "build-cache"
  force_destroy = true
}

resource "aws_db_instance" "preview" {
  identifier          = "preview"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  skip_final_snapshot = var.ephemeral
}

resource "aws_s3_bucket" "reports" {
  bucket        = "reports"
  force_destroy = false
}
