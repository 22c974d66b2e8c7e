variable "rotate_keys" {
  type    = bool
  default = true
}

variable "key_spec" {
  type    = string
  default = "SYMMETRIC_DEFAULT"
}

resource "aws_kms_key" "ledger" {
  description         = "Ledger"
  enable_key_rotation = var.rotate_keys
}

resource "aws_kms_key" "signing" {
  description              = "Signing key, spec chosen per environment"
  customer_master_key_spec = var.key_spec
}
