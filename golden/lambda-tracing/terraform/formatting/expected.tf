# Payment workers.
resource "aws_iam_role" "worker" {
    name = "payment-worker"   # one role for both workers
    assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}
  ]
}
POLICY
    # logs only, for now
    inline_policy {
        name = "logs"
        policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }]
        })
    }
}   # end of role

resource "aws_iam_role_policy_attachment" "worker_xray" {
    role       = aws_iam_role.worker.name
    policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}
resource "aws_lambda_function" "charge" {
    function_name = "charge"   # keep short
    role = aws_iam_role.worker.arn
    runtime = "python3.12"
    handler = "charge.handler"
    filename = "charge.zip"
    # tracing: see below
    tracing_config {
        # mode is set per environment
        mode = "Active"
    }

    depends_on = [aws_iam_role_policy_attachment.worker_xray]
}
resource "aws_lambda_function" "refund" {
    function_name = "refund"     # no alignment here
    role = aws_iam_role.worker.arn
    runtime = "python3.12"
    handler = "refund.handler"
    filename = "refund.zip"

    tracing_config {
        mode = "Active"
    }

    dead_letter_config {
        target_arn = "arn:aws:sqs:eu-west-1:123456789012:refund-dlq"   # shared DLQ
    }

    depends_on = [aws_iam_role_policy_attachment.worker_xray]
}
