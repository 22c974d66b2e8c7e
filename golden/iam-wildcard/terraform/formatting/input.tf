resource "aws_sqs_queue" "jobs" { name = "jobs" }

resource "aws_iam_policy" "worker" {
    name = "jobs-worker"   # attached by the platform team
    policy = jsonencode({
        Version = "2012-10-17",
        Statement = [
            # consume jobs
            { Effect = "Allow", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource = ["*"] },   # TODO: scope
            {
                "Effect": "Allow",
                "Action": "sqs:GetQueueAttributes",
                "Resource": "*"   # any queue, for now
            },
        ]
    })
}
