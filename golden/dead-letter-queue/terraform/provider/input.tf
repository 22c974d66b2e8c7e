provider "aws" {
  alias  = "eu"
  region = "eu-central-1"
}

resource "aws_sqs_queue" "settlements" {
  provider                = aws.eu
  name                    = "settlements"
  sqs_managed_sse_enabled = true
}
