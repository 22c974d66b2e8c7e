from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class TenantSecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, password_length: int, excluded: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # length and exclusions come from the caller
        secretsmanager.Secret(
            self,
            "TenantCreds",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                password_length=password_length,
                exclude_characters=excluded,
            ),
        )

        generator = secretsmanager.SecretStringGenerator(password_length=password_length)
        secretsmanager.Secret(self, "TenantToken", generate_secret_string=generator)
