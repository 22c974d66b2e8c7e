resource "aws_ecs_cluster" "workers" {
  name = "workers"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
