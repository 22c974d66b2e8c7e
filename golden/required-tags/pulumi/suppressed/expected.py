"""Scratch resources that the tag policy exempts."""

import pulumi
import pulumi_aws as aws

# iacfix: ignore[required-tags] -- sandbox bucket, deleted nightly
scratch = aws.s3.BucketV2("scratch", force_destroy=True)

probe = aws.sqs.Queue("probe")  # iacfix: ignore[IAC003]
