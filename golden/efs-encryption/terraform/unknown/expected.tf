variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_efs_file_system" "reports" {
  creation_token = "reports"
  encrypted      = var.encrypted
}
