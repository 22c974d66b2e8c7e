resource "aws_efs_file_system" "reports" {
  creation_token  = "reports"
  throughput_mode = "elastic"
}
