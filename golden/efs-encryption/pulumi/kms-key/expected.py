"""The platform team's key is configured for every file system."""

import pulumi_aws as aws

recordings = aws.efs.FileSystem(
    "recordings",
    throughput_mode="elastic",
    encrypted=True,
    kms_key_id="arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
)
