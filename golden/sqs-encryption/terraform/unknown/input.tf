variable "encrypt_queues" {
  type    = bool
  default = true
}

resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = var.encrypt_queues
}

resource "aws_sqs_queue" "invoices" {
  name              = "invoices"
  kms_master_key_id = var.queue_key_id
}
