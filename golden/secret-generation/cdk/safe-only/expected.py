import json

from aws_cdk import (
    Stack,
    aws_secretsmanager as secretsmanager,
)
from constructs import Construct


class PaymentsSecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, environment_suffix: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        self.db_credentials = secretsmanager.Secret(
            self,
            "DbCredentials",
            secret_name=f"payments/db-{environment_suffix}",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({"username": "payments_admin"}),
                generate_string_key="password",
                password_length=16,
                exclude_characters="/@",
            ),
        )

        self.webhook_secret = secretsmanager.Secret(self, "WebhookSigningSecret", description="Signs provider webhooks")
