variable "stage" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-${var.stage}"
}

resource "aws_sqs_queue" "scratch" {
  name_prefix = "scratch-"
}

resource "aws_sns_topic" "alerts" {}

# Not a physical name iacfix suffixes: a policy attached inline is named within its role.
resource "aws_iam_role_policy" "reader" {
  name   = "jobs-reader"
  role   = aws_iam_role.jobs.id
  policy = data.aws_iam_policy_document.reader.json
}
