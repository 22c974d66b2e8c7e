resource "aws_iam_role" "billing" {
  name               = "billing"
  assume_role_policy = file("${path.module}/trust.json")
}

resource "aws_iam_role_policy_attachment" "billing_xray" {
  role       = aws_iam_role.billing.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_iam_role_policy" "billing" {
  role = aws_iam_role.billing.id
  policy = templatefile("${path.module}/policy.json.tpl", {
    table_arn = aws_dynamodb_table.invoices.arn
  })
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = aws_iam_role.billing.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "billing.zip"

  tracing_config {
    mode = "Active"
  }

  depends_on = [aws_iam_role_policy_attachment.billing_xray]
}
