"""Two buckets, a listing statement and a get_policy_document: reported, not fixed."""

import json

import pulumi
import pulumi_aws as aws

raw = aws.s3.BucketV2("raw")
curated = aws.s3.BucketV2("curated")
key = aws.kms.Key("data-key", enable_key_rotation=True)

aws.iam.Policy(
    "pipeline",
    policy=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]},
                {"Effect": "Allow", "Action": "kms:ListKeys", "Resource": "*"},
                {"Effect": "Allow", "Action": ["kms:Decrypt", "s3:GetObject"], "Resource": "*"},
            ],
        }
    ),
)

reader = aws.iam.get_policy_document(
    statements=[
        aws.iam.GetPolicyDocumentStatementArgs(
            actions=["kms:Decrypt"],
            resources=["*"],
        )
    ]
)

aws.iam.Policy("reader", policy=reader.json)
