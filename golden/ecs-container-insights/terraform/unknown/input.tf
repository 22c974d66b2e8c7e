variable "insights" {
  type    = string
  default = "enabled"
}

variable "cluster_settings" {
  type = map(string)
}

resource "aws_ecs_cluster" "workers" {
  name = "workers"

  setting {
    name  = "containerInsights"
    value = var.insights
  }
}

resource "aws_ecs_cluster" "batch" {
  name = "batch"

  dynamic "setting" {
    for_each = var.cluster_settings
    content {
      name  = setting.key
      value = setting.value
    }
  }
}
