resource "aws_kms_key" "queues" {
  description         = "Queue encryption"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "invoices" {
  name              = "invoices"
  kms_master_key_id = aws_kms_key.queues.key_id
}

resource "aws_sqs_queue" "audit" {
  name              = "audit"
  kms_master_key_id = "alias/aws/sqs"
}
