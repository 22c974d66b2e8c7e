# A reusable module: its caller passes the tags. The queue that forgot them gets the
# module's tags, not a hard-coded map.
variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  tags = var.tags
}

resource "aws_sqs_queue" "retries" {
  name = "retries"

  tags = var.tags
}
