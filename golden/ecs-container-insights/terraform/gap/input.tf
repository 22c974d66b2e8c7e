variable "environment_suffix" {
  type = string
}

resource "aws_ecs_cluster" "workers" {
  name = "workers-${var.environment_suffix}"

  configuration {
    execute_command_configuration {
      logging = "DEFAULT"
    }
  }

  tags = {
    Team = "platform"
  }
}
