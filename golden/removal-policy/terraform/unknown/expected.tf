resource "aws_s3_bucket" "previews" {
  bucket        = "previews-${var.environment_suffix}"
  force_destroy = var.force_destroy

  lifecycle {
    prevent_destroy = false
  }
}

resource "aws_db_instance" "preview" {
  identifier                = "preview-${var.environment_suffix}"
  engine                    = "postgres"
  instance_class            = "db.t4g.medium"
  allocated_storage         = 20
  final_snapshot_identifier = "preview-${var.environment_suffix}-final"

  lifecycle {
    prevent_destroy = false
  }
}

resource "aws_cloudwatch_log_group" "preview" {
  name         = "/previews/${var.environment_suffix}"
  skip_destroy = var.keep_logs
}
