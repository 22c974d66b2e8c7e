"""Key for the question bank; rotation was switched off during an incident."""

import pulumi
import pulumi_aws as aws

question_bank_key = aws.kms.Key(
    "question-bank-key",
    description="Encrypts the question bank",
    enable_key_rotation=True,
    customer_master_key_spec="SYMMETRIC_DEFAULT",
)
