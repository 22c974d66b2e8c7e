"""Credentials for the ledger database and the partner API."""

import json

import pulumi
import pulumi_aws as aws
import pulumi_random as random

config = pulumi.Config()
environment_suffix = config.get("environmentSuffix") or "dev"

db_password = random.RandomPassword(
    f"ledger-db-password-{environment_suffix}",
    length=16,
    special=True,
)

db_secret = aws.secretsmanager.Secret(f"ledger-db-{environment_suffix}")
aws.secretsmanager.SecretVersion(
    f"ledger-db-{environment_suffix}",
    secret_id=db_secret.id,
    secret_string=db_password.result.apply(lambda p: json.dumps({"username": "ledger", "password": p})),
)

partner_token = aws.secretsmanager.get_random_password(password_length=20)

partner_secret = aws.secretsmanager.Secret(f"partner-token-{environment_suffix}")
aws.secretsmanager.SecretVersion(
    f"partner-token-{environment_suffix}",
    secret_id=partner_secret.id,
    secret_string=partner_token.random_password,
)
