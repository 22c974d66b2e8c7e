resource "aws_efs_file_system" "reports" {
  creation_token = "reports"
  encrypted      = true
}
