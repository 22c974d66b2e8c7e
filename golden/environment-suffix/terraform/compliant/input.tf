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

# Not a physical name iacfix suffixes: an IAM policy's name is not on the list.
resource "aws_iam_policy" "reader" {
  name   = "jobs-reader"
  policy = data.aws_iam_policy_document.reader.json
}
