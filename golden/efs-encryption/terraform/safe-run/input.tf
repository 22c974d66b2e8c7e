variable "environment_suffix" {
  type = string
}

resource "aws_efs_file_system" "reports" {
  creation_token   = "reports-${var.environment_suffix}"
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"

  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }

  tags = {
    Name = "reports-${var.environment_suffix}"
  }
}
