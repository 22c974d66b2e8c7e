"""The platform team's key is configured for every file system."""

import pulumi_aws as aws

recordings = aws.efs.FileSystem(
    "recordings",
    throughput_mode="elastic",
)
