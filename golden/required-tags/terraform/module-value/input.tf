locals {
  resource_prefix = {
    value = "${var.company_name}-${var.environment}"
  }
}

variable "company_name" {
  type = string
}

variable "environment" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "${local.resource_prefix.value}-data"
  tags = merge({
    Name        = "${local.resource_prefix.value}-data"
    Environment = local.resource_prefix.value
    }, {
    git_file  = "terraform/aws/s3.tf"
    yor_trace = "0874007d-903a-4b4c-945f-c9c233e13243"
  })
}

resource "aws_sqs_queue" "events" {
  name = "${local.resource_prefix.value}-events"
  tags = merge({
    Name = "${local.resource_prefix.value}-events"
    }, {
    git_file  = "terraform/aws/sqs.tf"
    yor_trace = "6d33b2b9-2dd3-4915-b5d4-283152c928f1"
  })
}

resource "aws_kms_key" "logs" {
  description = "Encrypts the log bucket"
}
