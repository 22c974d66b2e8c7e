resource "aws_kms_key" "efs" {
  description         = "EFS encryption"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "reports" {
  creation_token = "reports"
  encrypted      = true
}

resource "aws_efs_file_system" "exports" {
  creation_token = "exports"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}
