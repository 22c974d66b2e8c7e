# Sessions: short-lived, but restores are still needed after bad deploys.
resource "aws_dynamodb_table" "sessions" {
    name = "sessions"   # no env suffix: shared table
    hash_key = "id"
    billing_mode = "PAY_PER_REQUEST"
    attribute { # the only key
        name = "id"
        type = "S"
    }
    ttl {
        attribute_name = "expires_at"
        enabled        = true
    }
    # keep the table when the stack is destroyed
    lifecycle {
        prevent_destroy = true
    }
}

resource "aws_dynamodb_table" "locks" {
    name     = "locks"
    hash_key = "LockID"
    billing_mode = "PAY_PER_REQUEST"
    attribute {
        name = "LockID"
        type = "S"
    }
    point_in_time_recovery {} # filled in later
}
