locals {
  common_tags = {
    Project     = "assessments"
    Owner       = "platform-team"
    Environment = var.env
    ManagedBy   = "terraform"
  }
}

resource "aws_s3_bucket" "submissions" {
  bucket = "assessment-submissions-${var.env}"
  tags = merge(local.common_tags, {
    DataClass = "confidential"
  })
}

resource "aws_cloudwatch_log_group" "grader" {
  name              = "/aws/lambda/grader-${var.env}"
  retention_in_days = 30
  tags              = merge(local.common_tags)
}

resource "aws_ecr_repository" "grader" {
  name = "grader"
  tags = local.common_tags
}
