"""Keys of the grading service: one symmetric key that rotates, one signing key that cannot."""

import pulumi
import pulumi_aws as aws

grades_key = aws.kms.Key(
    "grades-key",
    description="Encrypts grade records",
    enable_key_rotation=True,
    rotation_period_in_days=180,
)

# Signs certificates; asymmetric keys cannot rotate their key material.
signing_key = aws.kms.Key(
    "certificate-signing-key",
    description="Signs completion certificates",
    key_usage="SIGN_VERIFY",
    customer_master_key_spec="ECC_NIST_P256",
)

# HMAC keys cannot rotate either.
token_key = aws.kms.Key(
    "token-hmac-key",
    key_usage="GENERATE_VERIFY_MAC",
    customer_master_key_spec="HMAC_256",
)

pulumi.export("grades_key_arn", grades_key.arn)
