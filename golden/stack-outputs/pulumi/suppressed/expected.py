import pulumi_aws as aws

# Internal work queue, read only by this program. iacfix: ignore[stack-outputs]
scratch = aws.sqs.Queue("scratch")
