"""Scratch storage: the author says it goes with the stack, so only "reports" is protected."""

import pulumi
import pulumi_aws as aws

build_cache = aws.s3.Bucket("build-cache", force_destroy=True)

reports = aws.s3.Bucket(
    "reports",
    force_destroy=False,
    opts=pulumi.ResourceOptions(protect=True),
)
