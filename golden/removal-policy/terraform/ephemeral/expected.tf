resource "aws_s3_bucket" "previews" {
  bucket        = "previews-${var.environment_suffix}"
  force_destroy = true

  tags = {
    Purpose = "preview"
  }

  lifecycle {
    prevent_destroy = false
  }
}

resource "aws_db_instance" "preview" {
  identifier          = "preview-${var.environment_suffix}"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  username            = "preview"
  password            = var.preview_password
  skip_final_snapshot = true

  lifecycle {
    prevent_destroy = false
  }
}

resource "aws_rds_cluster" "reports" {
  cluster_identifier = "reports-${var.environment_suffix}"
  engine             = "aurora-postgresql"
  master_username    = "reports"
  master_password    = var.reports_password

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_kms_key" "preview" {
  description = "Preview data key"

  lifecycle {
    prevent_destroy = false
  }
}
