resource "aws_sqs_queue" "public_feed" { # iacfix: ignore[sqs-encryption] -- holds public data only
  name = "public-feed"
}
