"""Created unencrypted years ago."""

import pulumi_aws as aws

legacy_uploads = aws.efs.FileSystem(
    "legacy-uploads",
    encrypted=False,
    performance_mode="maxIO",
)
