# Asymmetric and HMAC keys cannot rotate; the symmetric key gets rotation.
resource "aws_kms_key" "signing" {
  description              = "Signs receipts"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}

resource "aws_kms_key" "tokens" {
  description              = "HMAC for session tokens"
  key_usage                = "GENERATE_VERIFY_MAC"
  customer_master_key_spec = "HMAC_256"
}

resource "aws_kms_key" "data" {
  description              = "Data at rest"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
}
