"""File systems encrypted with the AWS-managed key or a customer key."""

import pulumi_aws as aws

key = aws.kms.Key("media-key", enable_key_rotation=True)

media = aws.efs.FileSystem(
    "media",
    encrypted=True,
    kms_key_id=key.arn,
)

scratch = aws.efs.FileSystem("scratch", encrypted=True, throughput_mode="bursting")
