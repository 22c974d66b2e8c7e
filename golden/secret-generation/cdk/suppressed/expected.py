from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class LegacyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # iacfix: ignore[secret-generation] -- the mainframe accepts 12 characters at most
        secretsmanager.Secret(
            self,
            "MainframeCreds",
            generate_secret_string=secretsmanager.SecretStringGenerator(password_length=12),
        )
