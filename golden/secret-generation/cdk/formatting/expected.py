from aws_cdk import Stack
from aws_cdk.aws_secretsmanager import Secret, SecretStringGenerator


class Creds(Stack):
  def __init__(self, scope, id, **kw):
    super().__init__(scope, id, **kw)

    # rotated by the platform team
    Secret(self, 'ReportingCreds',
           generate_secret_string=SecretStringGenerator(
             password_length = 32,   # legacy client limit was 20
             # quotes break the JDBC url
             exclude_characters = '"@ \'/\\'))  # keep
