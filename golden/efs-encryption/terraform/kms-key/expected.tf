resource "aws_efs_file_system" "reports" {
  creation_token  = "reports"
  throughput_mode = "elastic"
  encrypted       = true
  kms_key_id      = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
