resource "aws_ecs_cluster" "workers" {
  name = "workers"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "batch" {
  name = "batch"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}
