"""The legacy appliance only accepts 12-character passwords."""

import pulumi_aws as aws
import pulumi_random as random

# iacfix: ignore[secret-generation]
appliance = random.RandomPassword("appliance-password", length=12, special=False)

legacy = aws.secretsmanager.get_random_password(password_length=12)  # iacfix: ignore[IAC021]
