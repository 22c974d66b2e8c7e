"""Odd layout: tabs? no - two-space indents, single quotes, comments inside the document."""
import json
import pulumi
import pulumi_aws as aws

assets = aws.s3.BucketV2('assets')  # the only bucket

aws.iam.Policy('assets-rw',
  policy=pulumi.Output.json_dumps({
    'Version': '2012-10-17',
    'Statement': [{
      # read and write objects, and list the bucket
      'Effect': 'Allow',
      'Action': ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
      'Resource': [assets.arn, pulumi.Output.concat(assets.arn, '/*')],   # TODO scope this
    }],
  }))
