from aws_cdk import (
    SecretValue,
    Stack,
    aws_secretsmanager as secretsmanager,
)
from constructs import Construct


class PaymentsSecretsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        secretsmanager.Secret(
            self,
            "DbCredentials",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                password_length=40,
                exclude_characters=" %+~`#$&*()|[]{}:;<>?!'/@\"\\",
            ),
        )

        # no punctuation at all
        secretsmanager.Secret(
            self,
            "ApiToken",
            generate_secret_string=secretsmanager.SecretStringGenerator(password_length=64, exclude_punctuation=True),
        )

        # a value, not generated
        secretsmanager.Secret(self, "PartnerKey", secret_string_value=SecretValue.unsafe_plain_text("replace-me"))
