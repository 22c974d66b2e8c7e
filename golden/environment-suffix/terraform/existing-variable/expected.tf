resource "aws_ecs_cluster" "workers" {
  name = "workers-${var.env}"
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly_rebuild_${var.env}"
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
