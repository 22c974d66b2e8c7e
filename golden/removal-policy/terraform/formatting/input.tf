# Receipts archive.
resource "aws_s3_bucket" "receipts" {
    bucket = "payments-receipts" # globally unique
    tags   = { Service = "payments" }
}
resource "aws_kms_key" "payments" { description = "Payments data key" }

resource "aws_dynamodb_table" "payments" {
    name         = "payments"
    billing_mode = "PAY_PER_REQUEST"
    hash_key     = "payment_id"

    attribute {
        name = "payment_id"
        type = "S"
    }

    lifecycle {
        # the autoscaler owns these
        ignore_changes = [read_capacity, write_capacity] # scaled
    }
} # end of table
