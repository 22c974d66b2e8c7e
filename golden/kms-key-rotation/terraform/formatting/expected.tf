# Keys
# ----

resource "aws_kms_key" "this" { # CMK for the ledger
	description = "Ledger journal encryption"  # shown in the console
	deletion_window_in_days = 30
	# is_enabled = false
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
	enable_key_rotation = true

	lifecycle {
		prevent_destroy = true
	}
} # aws_kms_key.this
resource "aws_kms_key" "audit" {
	description         = "Audit trail"
	enable_key_rotation = true
}
