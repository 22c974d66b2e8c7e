"""Encryption decided by configuration."""

import pulumi
import pulumi_aws as aws

config = pulumi.Config()
encrypt = config.get_bool("encryptStorage")

shared = aws.efs.FileSystem("shared", encrypted=encrypt)

fs_settings = {"encrypted": True, "throughput_mode": "elastic"}
home = aws.efs.FileSystem("home", **fs_settings)
