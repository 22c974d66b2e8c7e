"""A file system holding public datasets only."""

import pulumi_aws as aws

# iacfix: ignore[efs-encryption] -- public datasets, encrypting would replace the file system
datasets = aws.efs.FileSystem(
    "datasets",
    throughput_mode="elastic",
)

mirror = aws.efs.FileSystem("mirror")  # iacfix: ignore[IAC019]
