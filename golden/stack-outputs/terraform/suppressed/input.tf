# Internal work queue, read only by this module. iacfix: ignore[stack-outputs]
resource "aws_sqs_queue" "scratch" {
  name = "scratch"
}
