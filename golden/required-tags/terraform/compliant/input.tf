provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Project   = "assessments"
    }
  }
}

variable "environment_suffix" {
  type = string
}

resource "aws_sqs_queue" "submissions" {
  name = "submissions-${var.environment_suffix}"

  tags = {
    Environment = var.environment_suffix
  }
}

resource "aws_kms_key" "exams" {
  description = "Exam papers"
  tags = {
    "Environment" = "prod"
    "ManagedBy"   = "terragrunt"
  }
}

# Not taggable: no finding.
resource "aws_sqs_queue_policy" "submissions" {
  queue_url = aws_sqs_queue.submissions.id
  policy    = data.aws_iam_policy_document.submissions.json
}

resource "aws_kms_alias" "exams" {
  name          = "alias/exams"
  target_key_id = aws_kms_key.exams.key_id
}
