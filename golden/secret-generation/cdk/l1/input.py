from aws_cdk import Stack
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct


class LegacySecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        secretsmanager.CfnSecret(
            self,
            "LegacyCreds",
            generate_secret_string=secretsmanager.CfnSecret.GenerateSecretStringProperty(
                secret_string_template='{"username": "legacy"}',
                generate_string_key="password",
                exclude_characters="'\\",
            ),
        )
