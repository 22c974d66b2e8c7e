"""Statements that are already scoped, deny, or are resource policies."""

import pulumi
import pulumi_aws as aws

uploads = aws.s3.BucketV2("uploads")
queue = aws.sqs.Queue("jobs")

aws.iam.Policy(
    "uploads-writer",
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "s3:PutObject", "Resource": pulumi.Output.concat(uploads.arn, "/*")},
                {"Effect": "Deny", "Action": "sqs:DeleteQueue", "Resource": "*"},
                {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
            ],
        }
    ),
)

aws.sqs.QueuePolicy(
    "jobs-policy",
    queue_url=queue.id,
    policy=pulumi.Output.json_dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "sns.amazonaws.com"},
                    "Action": "sqs:SendMessage",
                    "Resource": "*",
                }
            ],
        }
    ),
)
