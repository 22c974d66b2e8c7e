# yor writes its tags as a second map merged into the resource's own: the dead-letter
# queue keeps the team's tag, and neither the queue's Name nor its yor and git_* tags.
resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true

  tags = merge({
    Name = "orders"
    Team = "checkout"
    }, {
    git_org   = "example"
    git_repo  = "shop"
    yor_trace = "93cfa6f9-a257-40c3-b7dc-3c3686929734"
  })
}
