"""Shared storage for uploaded exam attachments."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

attachments_fs = aws.efs.FileSystem(
    f"attachments-{environment_suffix}",
    performance_mode="generalPurpose",
    throughput_mode="elastic",
    lifecycle_policies=[
        aws.efs.FileSystemLifecyclePolicyArgs(transition_to_ia="AFTER_30_DAYS"),
    ],
    tags={"Team": "assessments"},
)

pulumi.export("attachments_fs_id", attachments_fs.id)
