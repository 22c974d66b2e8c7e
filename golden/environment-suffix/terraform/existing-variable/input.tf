resource "aws_ecs_cluster" "workers" {
  name = "workers"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly_rebuild"
  schedule_expression = "cron(0 3 * * ? *)"
}

resource "aws_sfn_state_machine" "rebuild" {
  name     = "rebuild-${var.env}"
  role_arn = aws_iam_role.rebuild.arn

  definition = jsonencode({
    StartAt = "Done"
    States  = { Done = { Type = "Succeed" } }
  })
}
