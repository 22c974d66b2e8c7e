# Created before encryption was required; replaced in the Q3 migration.
# iacfix: ignore[efs-encryption]
resource "aws_efs_file_system" "legacy" {
  creation_token = "legacy"
}
