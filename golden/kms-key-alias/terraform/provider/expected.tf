provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

variable "environment_suffix" {
  type = string
}

# The replica lives in the disaster-recovery account and region: so must its alias.
resource "aws_kms_key" "ledger_replica" {
  provider                = aws.dr
  region                  = "us-west-2"
  description             = "Ledger replica key"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_kms_alias" "ledger_replica" {
  provider      = aws.dr
  region        = "us-west-2"
  name          = "alias/ledger-replica-${var.environment_suffix}"
  target_key_id = aws_kms_key.ledger_replica.key_id
}
