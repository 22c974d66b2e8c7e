resource "aws_kms_key" "documents" {
  description         = "Student documents"
  enable_key_rotation = true
}

resource "aws_kms_alias" "documents" {
  name          = "alias/documents"
  target_key_id = aws_kms_key.documents.arn
}

resource "aws_kms_key" "backups" {
  description = "Backups"
}

resource "aws_kms_alias" "backups" {
  name          = "alias/backups"
  target_key_id = aws_kms_key.backups.id
}
