terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "environment_suffix" {
  type    = string
  default = "dev"
}

# Orders pipeline.
resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }
}

resource "aws_sqs_queue" "order_events" {
  name                        = "order-events-${var.environment_suffix}.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}

resource "aws_s3_bucket" "invoices" {
  bucket = "acme-invoices-${var.environment_suffix}"
}

resource "aws_cloudwatch_log_group" "order_api" {
  name              = "/aws/lambda/order-api-${var.environment_suffix}"
  retention_in_days = 30
}
