resource "aws_lambda_function" "scorer" {
  function_name = "scorer-${var.environment_suffix}"
  role          = aws_iam_role.scorer.arn
  runtime       = "python3.12"
  handler       = "scorer.handler"
  filename      = "scorer.zip"

  tags = {
    "team"        = "assessments" # owning team
    "cost-center" = "cc-4411"     # finance code
    // keep the on-call rotation up to date
    "oncall" = "assessments-oncall",
  }

  depends_on = [aws_cloudwatch_log_group.scorer]
}

resource "aws_cloudwatch_log_group" "scorer" {
  name = "/aws/lambda/scorer-${var.environment_suffix}"
  tags = { Team = "assessments" }
}

resource "aws_s3_bucket" "exports" {
  bucket = "exports-${var.environment_suffix}"
  tags   = {}
}
