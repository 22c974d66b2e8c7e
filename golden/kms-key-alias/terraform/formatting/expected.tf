# Keys
# ----

resource "aws_kms_key" "this" { # CMK for the ledger
	description             = "Ledger journal encryption"
	deletion_window_in_days = 30
	policy = jsonencode({
		Version = "2012-10-17"
		Statement = [{
			Sid       = "Root"
			Effect    = "Allow"
			Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
			Action    = "kms:*"
			Resource  = "*"
		}]
	})
} # aws_kms_key.this

resource "aws_kms_alias" "this" {
	name          = "alias/ledger-journal-encryption-${var.stage}"
	target_key_id = aws_kms_key.this.key_id
}
resource "aws_dynamodb_table" "ledger" {
	name     = "ledger-${var.stage}"
	hash_key = "entry_id"

	attribute {
		name = "entry_id"
		type = "S"
	}
}
