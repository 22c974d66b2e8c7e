// Shared infrastructure of the reporting team.
locals {
    team = "reporting"
}
resource "aws_sns_topic" "reports" { name = "reports" }   # subscribers: see README
resource "aws_kms_key" "reports" {
    description = "reports"
}
resource "aws_kms_alias" "reports" {
    name          = "alias/reports"   # referenced by the exporter
    target_key_id = aws_kms_key.reports.key_id
}
resource "aws_lambda_function" "exporter" {
    function_name = "report_exporter"
    role = aws_iam_role.exporter.arn   # odd alignment, kept
    runtime       = "python3.12"
    handler       = "app.handler"
    filename      = "exporter.zip"
}
